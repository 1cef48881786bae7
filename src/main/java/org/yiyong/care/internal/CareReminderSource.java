package org.yiyong.care.internal;

import java.util.List;
import org.yiyong.identity.CurrentUser;

/** A part of care that has reminders for a user; each reads within the user's data scope. */
public interface CareReminderSource {

    List<CareReminder> reminders(CurrentUser me);
}
