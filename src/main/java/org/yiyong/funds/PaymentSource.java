package org.yiyong.funds;

import java.util.Objects;
import java.util.regex.Pattern;
import org.yiyong.funds.internal.PaymentOrder;

/**
 * Who asked the funds to pay, and for which of its records: the asking module as the funds show it
 * ({@code HONOURS}, {@code CARE}), the kind of record within it ({@code reward}, {@code campaign}), the
 * record's id and, where one record pays several people, the line's id. The funds keep it on the order
 * and hand it back in {@link PaymentSettled}, {@link PaymentReturned}; they never interpret it, and the
 * asking module reads the ids it gave, never a string.
 *
 * @param module the asking module, upper case ({@code MANUAL} is the funds' own orders by hand)
 * @param kind the kind of record within the module, lower case, words joined by {@code -}
 * @param recordId the record's id
 * @param lineId the line of the record, or {@code null} when the record is paid as one
 */
public record PaymentSource(String module, String kind, long recordId, Long lineId) {

    private static final Pattern MODULE = Pattern.compile("[A-Z][A-Z_]{0,19}");
    private static final Pattern KIND = Pattern.compile("[a-z]+(-[a-z]+)*");

    public PaymentSource {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(kind, "kind");
        if (!MODULE.matcher(module).matches() || PaymentOrder.MANUAL.equals(module)) {
            throw new IllegalArgumentException("Not a module that may ask for a payment: " + module);
        }
        if (kind.length() > 40 || !KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("Not a kind of record: " + kind);
        }
    }

    /** A record paid as one. */
    public static PaymentSource of(String module, String kind, long recordId) {
        return new PaymentSource(module, kind, recordId, null);
    }

    /** One line of a record that pays several people. */
    public static PaymentSource of(String module, String kind, long recordId, long lineId) {
        return new PaymentSource(module, kind, recordId, lineId);
    }

    /** Whether the given module asked. */
    public boolean isFrom(String module) {
        return this.module.equals(module);
    }

    /** Whether the given module asked, for a record of the given kind. */
    public boolean is(String module, String kind) {
        return isFrom(module) && this.kind.equals(kind);
    }

    /**
     * How the order shows its source to people and in the API, e.g. {@code reward-12} or
     * {@code campaign-3-41}: written, never read back.
     */
    public String reference() {
        return kind + "-" + recordId + (lineId == null ? "" : "-" + lineId);
    }
}
