package org.yiyong.funds;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.platform.SqlFigures;
import org.yiyong.platform.SqlFigures.Spec;
import org.yiyong.shared.FigureSource;

/**
 * The funds' figures for the statistics and the yearly report: donations raised by kind of donor, government
 * money received (财政拨款, income but not a donation), money paid out by purpose, and the funds' bank balances at the end of the year. A donation counts on the day
 * it was received unless it was reversed; a payment on the day it was paid, unless the bank returned it; a
 * balance is every bank posting of the fund up to the end of the year, in the fund's region (summed from the
 * journal's totals per fund, account and day; its lines are the postings).
 */
@Service
@Transactional(readOnly = true)
public class FundFigures extends SqlFigures {

    FundFigures(JdbcClient jdbc) {
        super(jdbc, List.of(
                new Spec(new Figure("funds.donations", Section.FUNDS, Unit.YUAN, false, "donor.kind."),
                        "donation d", "d.reversed = false and d.donor_kind <> 'GOVERNMENT'", "d.received_on", "d.region_code", "d.donor_kind", null,
                        "sum(d.amount)", "d.amount", "d.receipt_number", "d.donor_name", "d.id",
                        "'/donations/' || cast(d.id as varchar(20)) || '/receipt'"),
                new Spec(new Figure("funds.government-money", Section.FUNDS, Unit.YUAN, false, null),
                        "donation d", "d.reversed = false and d.donor_kind = 'GOVERNMENT'", "d.received_on",
                        "d.region_code", null, null, "sum(d.amount)", "d.amount", "d.receipt_number", "d.donor_name",
                        "d.id", "'/donations/' || cast(d.id as varchar(20)) || '/receipt'"),
                new Spec(new Figure("funds.paid-out", Section.FUNDS, Unit.YUAN, false, "purpose."),
                        "payment_order o", "o.status = 'PAID' and o.paid_on is not null", "o.paid_on",
                        "o.region_code", "o.purpose", null, "sum(o.amount)", "o.amount", "o.number",
                        "o.payee_name || '　' || o.description", "o.id",
                        "'/payment-orders/' || cast(o.id as varchar(20))"),
                new Spec(new Figure("funds.balance", Section.FUNDS, Unit.YUAN, true, null),
                        "posting p join journal_entry e on e.id = p.entry_id join fund f on f.id = p.fund_id",
                        "p.account = 'BANK'", "e.entry_date", "f.region_code", "f.code", "f.name",
                        "sum(p.debit - p.credit)", "p.debit - p.credit", "e.number", "e.description", "p.id",
                        "'/funds/journal'")
                        // the balance itself from the totals per fund, account and day that each entry adds to
                        .summedFrom("fund_day_total t join fund f on f.id = t.fund_id", "t.account = 'BANK'",
                                "t.entry_date", "f.region_code", "f.code", "f.name", "sum(t.debit - t.credit)")));
    }
}
