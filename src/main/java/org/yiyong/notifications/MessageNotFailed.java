package org.yiyong.notifications;

import org.yiyong.shared.DomainException;

/** Only a failed message is sent again; one sent or still waiting is left alone. */
public class MessageNotFailed extends DomainException {

    public MessageNotFailed() {
        super(Kind.CONFLICT, "outbound.retry.not-failed");
    }
}
