package org.yiyong.notifications.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yiyong.identity.CurrentUser;
import org.yiyong.notifications.Notifications;
import org.yiyong.shared.PageRequest;
import org.yiyong.shared.PageResult;

/** The message centre in the API, and the messages sent out for the system administrator. */
@RestController
@Tag(name = "messages")
class MessageApiController {

    private final Notifications notifications;

    MessageApiController(Notifications notifications) {
        this.notifications = notifications;
    }

    record MessageList(long unread, List<Notifications.Message> messages) {
    }

    @GetMapping(path = "/api/v1/messages", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The caller's messages, newest first, and how many are unread")
    MessageList messages(CurrentUser me) {
        return new MessageList(notifications.unread(me.username()), notifications.of(me.username()));
    }

    @PostMapping(path = "/api/v1/messages/{id}/read", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Mark one of the caller's messages read; the unread count after it")
    MessageList read(CurrentUser me, @PathVariable long id) {
        notifications.markRead(me.username(), id);
        return messages(me);
    }

    @GetMapping(path = "/api/v1/outbound-messages", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Messages sent out by SMS and e-mail, newest first, of one status or all (system administrator)")
    PageResult<Notifications.Outbound> list(@RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return notifications.outbound(status, PageRequest.of(page, size));
    }

    @PostMapping(path = "/api/v1/outbound-messages/{id}/retry", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Send a failed message again from now (system administrator)")
    java.util.Map<String, Object> retryApi(@PathVariable long id) {
        notifications.retry(id);
        return java.util.Map.of("id", id, "status", "PENDING");
    }
}
