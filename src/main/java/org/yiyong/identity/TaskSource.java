package org.yiyong.identity;

import java.util.List;

/**
 * The work one module's records hold for a person, computed from the records each time (so a task leaves
 * the list as soon as it is done). Each module that has steps for people to take publishes one; the to-do
 * list is all of them together.
 */
public interface TaskSource {

    /** What waits for this user, within their data scope and their roles. */
    List<Task> tasksFor(CurrentUser me);
}
