package org.yiyong.care.web;

import java.math.BigDecimal;
import org.yiyong.shared.Money;

/** Amounts in care's JSON views: plain numbers of yuan with two decimals, as the API documents them. */
final class Yuan {

    private Yuan() {
    }

    /** The amount in yuan, or {@code null} where there is no amount (yet). */
    static BigDecimal of(Money money) {
        return money == null ? null : money.amount();
    }
}
