package org.yiyong.reporting.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.yiyong.identity.CurrentUser;
import org.yiyong.reporting.ToDo;

/** The to-do list (待办) and the done list (已办): a page, the count in the navigation, and the API. */
@Controller
@Tag(name = "tasks")
class ToDoController {

    private final ToDo toDo;

    ToDoController(ToDo toDo) {
        this.toDo = toDo;
    }

    @GetMapping("/tasks")
    String page(CurrentUser me, Model model) {
        model.addAttribute("tasks", toDo.of(me));
        model.addAttribute("done", toDo.done(me));
        model.addAttribute("doneDays", ToDo.DONE_DAYS);
        return "reporting/tasks";
    }

    /** The navigation's badge, loaded after the page so that no page waits for the count. */
    @GetMapping("/tasks/count")
    String count(CurrentUser me, Model model) {
        List<ToDo.Item> tasks = toDo.of(me);
        model.addAttribute("count", tasks.size());
        model.addAttribute("overdue", tasks.stream().filter(ToDo.Item::overdue).count());
        return "reporting/tasks :: badge";
    }

    record TaskList(int count, long overdue, List<ToDo.Item> tasks) {
    }

    @GetMapping(path = "/api/v1/tasks", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    @Operation(summary = "What waits for the caller (待办), computed from the records: the overdue first, then by "
            + "due date; each with the page where it is done")
    TaskList tasks(CurrentUser me) {
        List<ToDo.Item> tasks = toDo.of(me);
        return new TaskList(tasks.size(), tasks.stream().filter(ToDo.Item::overdue).count(), tasks);
    }

    @GetMapping(path = "/api/v1/tasks/done", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    @Operation(summary = "What the caller changed in the last 30 days (已办), newest first")
    List<ToDo.DoneItem> done(CurrentUser me) {
        return toDo.done(me);
    }
}
