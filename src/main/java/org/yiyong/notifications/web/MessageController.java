package org.yiyong.notifications.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.yiyong.identity.CurrentUser;
import org.yiyong.notifications.Notifications;

/** The message centre (站内消息): the page, the unread count in the navigation, marking read. */
@Controller
class MessageController {

    private final Notifications notifications;

    MessageController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/messages")
    String page(CurrentUser me, Model model) {
        model.addAttribute("messages", notifications.of(me.username()));
        return "notifications/messages";
    }

    @GetMapping("/messages/unread")
    String unread(CurrentUser me, Model model) {
        model.addAttribute("unread", notifications.unread(me.username()));
        return "notifications/messages :: badge";
    }

    /** Opens a message: marked read, then its page (or the centre when it has none). */
    @PostMapping("/messages/{id}/read")
    String open(CurrentUser me, @PathVariable long id) {
        notifications.markRead(me.username(), id);
        String link = notifications.of(me.username()).stream().filter(message -> message.id() == id)
                .map(Notifications.Message::link).filter(path -> path != null && path.startsWith("/")).findFirst()
                .orElse("/messages");
        return "redirect:" + link;
    }

    @PostMapping("/messages/read")
    String readAll(CurrentUser me) {
        notifications.markAllRead(me.username());
        return "redirect:/messages";
    }
}
