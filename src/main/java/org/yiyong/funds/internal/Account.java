package org.yiyong.funds.internal;

import org.yiyong.funds.PaymentPurpose;


/** The journal's accounts (会计科目), with their codes. Stored by name. */
public enum Account {
    /** 银行存款 */
    BANK("1002", Side.ASSET),
    /** 净资产（期初） */
    NET_ASSETS("3101", Side.NET_ASSETS),
    /** 捐赠收入 */
    DONATION_INCOME("4101", Side.INCOME),
    /** 政府补助收入: government money (财政拨款), never a donation */
    GOVERNMENT_GRANT_INCOME("4401", Side.INCOME),
    /** 奖励金支出 */
    EXPENSE_REWARD("5101", Side.EXPENSE),
    /** 慰问金支出 */
    EXPENSE_CONDOLENCE("5102", Side.EXPENSE),
    /** 助学金支出 */
    EXPENSE_STUDENT_AID("5103", Side.EXPENSE),
    /** 困难救助支出 */
    EXPENSE_HARDSHIP("5104", Side.EXPENSE),
    /** 医疗补助支出 */
    EXPENSE_MEDICAL("5105", Side.EXPENSE),
    /** 其他支出 */
    EXPENSE_OTHER("5199", Side.EXPENSE);

    /** Which part of the accounts an account belongs to. */
    public enum Side {
        ASSET, NET_ASSETS, INCOME, EXPENSE
    }

    private final String code;
    private final Side side;

    Account(String code, Side side) {
        this.code = code;
        this.side = side;
    }

    public String code() {
        return code;
    }

    public Side side() {
        return side;
    }

    public static Account expenseFor(PaymentPurpose purpose) {
        return valueOf("EXPENSE_" + purpose.name());
    }
}
