package org.yiyong.funds;

import java.util.List;

/**
 * Many payment requests at once, for a decision that pays hundreds of thousands of people (a condolence
 * campaign's roster), made into payment orders within the caller's transaction: the requests and the caller's own
 * change are saved together or not at all. Each request counts as a {@link PaymentRequested} sent alone would: one
 * order per source, once (a source the funds hold an order for already is passed over), from the general fund of
 * the association of the paying region, each order audited. The orders are written many rows to a statement, their
 * numbers taken in one reservation per call (numbers of a call that is rolled back stay unused), and their audit
 * entries written when the transaction commits. Call it with a few thousand requests at a time, from a transaction
 * that has not numbered a payment order itself (the reservation runs in a transaction of its own and would wait for
 * the caller's lock on the same counter).
 */
public interface PaymentRequestsInBulk {

    /** Makes the orders; answers how many were made (the requests less those the funds held already). */
    int request(List<PaymentRequested> requests);
}
