package org.yiyong.care.internal;

import org.springframework.stereotype.Component;
import org.yiyong.funds.PaymentReturned;
import org.yiyong.funds.PaymentSettled;

/** What the funds report back about student aid: paid, or returned by the bank (due again). */
@Component
class StudentAidPayments implements CarePaymentHandler {

    private final StudentAid studentAid;

    StudentAidPayments(StudentAid studentAid) {
        this.studentAid = studentAid;
    }

    @Override
    public String kind() {
        return StudentAid.PAYMENT_KIND;
    }

    @Override
    public void paid(PaymentSettled paid) {
        studentAid.paid(paid);
    }

    @Override
    public void returned(PaymentReturned returned) {
        studentAid.returned(returned);
    }
}
