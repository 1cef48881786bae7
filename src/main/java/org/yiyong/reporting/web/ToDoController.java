package org.yiyong.reporting.web;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.yiyong.identity.CurrentUser;
import org.yiyong.reporting.ToDo;

/** The to-do list (待办) and the done list (已办): a page and the count in the navigation. */
@Controller
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
}
