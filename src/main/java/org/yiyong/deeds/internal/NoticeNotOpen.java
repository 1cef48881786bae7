package org.yiyong.deeds.internal;

import org.yiyong.shared.DomainException;

/** No public notice of this deed is open for objections. */
public class NoticeNotOpen extends DomainException {

    public NoticeNotOpen(String number) {
        super(Kind.CONFLICT, "deed.notice.not-open", number);
    }
}
