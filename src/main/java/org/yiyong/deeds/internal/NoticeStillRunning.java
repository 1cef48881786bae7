package org.yiyong.deeds.internal;

import java.time.LocalDate;
import org.yiyong.shared.DomainException;

/** The public notice has not run its full period yet. */
public class NoticeStillRunning extends DomainException {

    public NoticeStillRunning(String number, LocalDate end) {
        super(Kind.CONFLICT, "deed.notice.still-running", number, end.toString());
    }
}
