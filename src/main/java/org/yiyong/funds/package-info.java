/**
 * Funds: donors and donations with their receipts; each association's fund and its restricted
 * sub-funds; payment orders from the other modules' requests or by hand, approved by a finance
 * reviewer who is not the requester and paid once by a cashier in a batch; the double-entry journal,
 * balances, statements, the annual financial report and the reconciliation of every payment.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Funds",
        allowedDependencies = {"audit", "documents", "identity", "imports", "organization", "platform",
                "samaritans", "shared", "web"})
package org.yiyong.funds;

import org.yiyong.funds.internal.Funds;
