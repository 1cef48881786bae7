package org.yiyong.funds;

import java.util.List;
import java.util.function.Consumer;

/**
 * The orders a batch paid, for the module told by {@link PaymentsSettled}: each as the {@link PaymentSettled} it
 * would have heard alone, read a part at a time in the order of the orders. An order of the batch that was returned
 * by the bank since is no longer among them (its module hears {@link PaymentReturned} for it).
 */
public interface SettledPayments {

    /** Hands the module's paid orders of the batch to {@code part}, at most {@code size} at a time. */
    void each(PaymentsSettled settled, int size, Consumer<List<PaymentSettled>> part);
}
