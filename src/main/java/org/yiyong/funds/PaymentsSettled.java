package org.yiyong.funds;

import java.time.LocalDate;

/**
 * A cashier recorded a whole disbursement batch as paid at once: one event for each module whose orders it paid,
 * in place of a {@link PaymentSettled} per order (a campaign's batch pays thousands). The module reads what was paid
 * through {@link SettledPayments} and handles each as it would a {@link PaymentSettled}: a module that hears
 * {@code PaymentSettled} must hear this too. Its listener's condition asks {@code isFor(…)}.
 *
 * @param batchId the batch paid
 * @param batchNumber its number, as people read it
 * @param module the module whose orders these are ({@link PaymentSource#module()})
 * @param paidOn the day the bank paid them
 * @param bankReference the bank's reference of the batch, on each of its orders
 * @param orders how many orders of the module the batch paid
 */
public record PaymentsSettled(long batchId, String batchNumber, String module, LocalDate paidOn, String bankReference,
        int orders) {

    /** Whether the orders are the given module's. */
    public boolean isFor(String module) {
        return this.module.equals(module);
    }
}
