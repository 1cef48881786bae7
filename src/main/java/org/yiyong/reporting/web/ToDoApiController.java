package org.yiyong.reporting.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yiyong.identity.CurrentUser;
import org.yiyong.reporting.ToDo;

/** The to-do list and the done list in the API. */
@RestController
@Tag(name = "tasks")
class ToDoApiController {

    private final ToDo toDo;

    ToDoApiController(ToDo toDo) {
        this.toDo = toDo;
    }

    record TaskList(int count, long overdue, List<ToDo.Item> tasks) {
    }

    @GetMapping(path = "/api/v1/tasks", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "What waits for the caller (待办), computed from the records: the overdue first, then by "
            + "due date; each with the page where it is done")
    TaskList tasks(CurrentUser me) {
        List<ToDo.Item> tasks = toDo.of(me);
        return new TaskList(tasks.size(), tasks.stream().filter(ToDo.Item::overdue).count(), tasks);
    }

    @GetMapping(path = "/api/v1/tasks/done", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "What the caller changed in the last 30 days (已办), newest first")
    List<ToDo.DoneItem> done(CurrentUser me) {
        return toDo.done(me);
    }
}
