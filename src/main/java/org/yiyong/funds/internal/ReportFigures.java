package org.yiyong.funds.internal;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import org.yiyong.shared.Money;

/** Chinese names and amounts as a financial report writes them, for the PDF template and the workbook. */
public final class ReportFigures {

    private static final Map<Account, String> ACCOUNT_NAMES = new EnumMap<>(Map.ofEntries(
            Map.entry(Account.BANK, "银行存款"),
            Map.entry(Account.NET_ASSETS, "净资产（期初）"),
            Map.entry(Account.DONATION_INCOME, "捐赠收入"),
            Map.entry(Account.GOVERNMENT_GRANT_INCOME, "政府补助收入（财政拨款）"),
            Map.entry(Account.EXPENSE_REWARD, "奖励金支出"),
            Map.entry(Account.EXPENSE_CONDOLENCE, "慰问金支出"),
            Map.entry(Account.EXPENSE_STUDENT_AID, "助学金支出"),
            Map.entry(Account.EXPENSE_HARDSHIP, "困难救助支出"),
            Map.entry(Account.EXPENSE_MEDICAL, "医疗补助支出"),
            Map.entry(Account.EXPENSE_OTHER, "其他支出")));
    private static final Map<Donor.Kind, String> KIND_NAMES = new EnumMap<>(Map.of(
            Donor.Kind.ENTERPRISE, "企业", Donor.Kind.INDIVIDUAL, "个人", Donor.Kind.ANONYMOUS, "匿名",
            Donor.Kind.GOVERNMENT, "政府（财政拨款）"));

    /** Table style: ¥1,040,000.00. */
    public String yuan(BigDecimal amount) {
        return Money.of(amount).format();
    }

    /** Prose style: 104万元. */
    public String wan(BigDecimal amount) {
        return Money.of(amount).formatWan();
    }

    public String account(Account account) {
        return ACCOUNT_NAMES.get(account);
    }

    public String donorKind(Donor.Kind kind) {
        return KIND_NAMES.get(kind);
    }
}
