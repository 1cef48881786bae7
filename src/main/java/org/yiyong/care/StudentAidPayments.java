package org.yiyong.care;

import org.springframework.stereotype.Component;
import org.yiyong.shared.PaymentReturned;
import org.yiyong.shared.PaymentSettled;

/** What the funds report back about student aid: paid, or returned by the bank (due again). */
@Component
class StudentAidPayments implements CarePaymentHandler {

    private final StudentAid studentAid;

    StudentAidPayments(StudentAid studentAid) {
        this.studentAid = studentAid;
    }

    @Override
    public String prefix() {
        return StudentAid.PAYMENT_REF;
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
