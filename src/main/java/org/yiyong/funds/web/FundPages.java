package org.yiyong.funds.web;

import static org.yiyong.web.PageSteps.refused;
import static org.yiyong.web.PageSteps.step;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.io.Resource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiyong.funds.PaymentPurpose;
import org.yiyong.funds.internal.BankFiles;
import org.yiyong.funds.internal.BulkPayments;
import org.yiyong.funds.internal.DisbursementBatch;
import org.yiyong.funds.internal.Donation;
import org.yiyong.funds.internal.Donor;
import org.yiyong.funds.internal.Fund;
import org.yiyong.funds.internal.FundRegister;
import org.yiyong.funds.internal.Journal;
import org.yiyong.funds.internal.PaymentOrder;
import org.yiyong.funds.internal.Payments;
import org.yiyong.identity.CurrentUser;
import org.yiyong.organization.Regions;
import org.yiyong.shared.DomainException;
import org.yiyong.shared.Money;
import org.yiyong.shared.PageRequest;
import org.yiyong.web.Downloads;
import org.yiyong.web.Registers;

/**
 * The funds pages: funds and balances, donations and receipts, payment orders from request to
 * acknowledgement, the cashier's batches, and the journal. Every form carries a one-time key, so a
 * double click records once.
 */
@Controller
class FundPages {

    private final FundRegister register;
    private final Payments payments;
    private final BankFiles bankFiles;
    private final Journal journal;

    private final Clock clock;

    private final Registers registers;
    private final Regions regions;
    private final BulkPayments bulk;

    FundPages(FundRegister register, Payments payments, BankFiles bankFiles, Journal journal, Clock clock,
            Registers registers, Regions regions, BulkPayments bulk) {
        this.bulk = bulk;
        this.registers = registers;
        this.regions = regions;
        this.clock = clock;
        this.register = register;
        this.payments = payments;
        this.bankFiles = bankFiles;
        this.journal = journal;
    }

    // ---------------------------------------------------------------- funds and journal

    @GetMapping("/funds")
    String funds(CurrentUser me, Model model) {
        List<FundRegister.FundBalance> funds = register.funds(me);
        model.addAttribute("funds", funds);
        model.addAttribute("generalFunds", funds.stream().map(FundRegister.FundBalance::fund)
                .filter(f -> !f.isRestricted()).toList());
        model.addAttribute("names", fundNames(funds));
        model.addAttribute("purposes", PaymentPurpose.values());
        model.addAttribute("restrictions", List.of(Fund.Restriction.PURPOSE, Fund.Restriction.REGION,
                Fund.Restriction.PERSON));
        model.addAttribute("regions", register.regions(me));
        return "funds/funds";
    }

    @PostMapping("/funds")
    String createSubFund(CurrentUser me, @RequestParam(required = false) Long parentId,
            @RequestParam(required = false) String name, @RequestParam(required = false) Fund.Restriction restriction,
            @RequestParam(required = false) PaymentPurpose restrictedPurpose,
            @RequestParam(required = false) String restrictedRegion,
            @RequestParam(required = false) Long restrictedSamaritanId,
            @RequestParam(required = false) String restrictionNote,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate openedOn,
            RedirectAttributes redirect) {
        return step(redirect, "/funds", "fund.created", () -> register.createSubFund(me, parentId == null ? -1 : parentId,
                name, restriction, restrictedPurpose, blankToNull(restrictedRegion), restrictedSamaritanId,
                restrictionNote, openedOn));
    }

    @PostMapping("/funds/{id}/opening-balance")
    String opening(CurrentUser me, @PathVariable long id, @RequestParam(required = false) BigDecimal amount,
            RedirectAttributes redirect) {
        return step(redirect, "/funds", "fund.opening-posted", () -> register.openingBalance(me, id, amount));
    }

    @GetMapping("/funds/journal")
    String journal(CurrentUser me, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("entries", journal.entries(me, PageRequest.of(page, 30)));
        model.addAttribute("names", fundNames(register.funds(me)));
        return "funds/journal";
    }

    // ---------------------------------------------------------------- donations

    @GetMapping("/donations")
    String donations(CurrentUser me, @RequestParam(required = false) Integer page, Model model) {
        List<FundRegister.FundBalance> funds = register.funds(me);
        model.addAttribute("donations", register.donations(me, PageRequest.of(page, 30)));
        model.addAttribute("funds", funds);
        model.addAttribute("names", fundNames(funds));
        model.addAttribute("donors", register.donors(me));
        model.addAttribute("channels", Donation.Channel.values());
        model.addAttribute("kinds", Donor.Kind.values());
        model.addAttribute("formKey", UUID.randomUUID().toString());
        model.addAttribute("today", LocalDate.now(clock));
        return "funds/donations";
    }

    @PostMapping("/donations")
    String receive(CurrentUser me, @RequestParam(required = false) Long donorId,
            @RequestParam(required = false) Donor.Kind donorKind, @RequestParam(required = false) String donorName,
            @RequestParam(required = false) String donorContact, @RequestParam(required = false) Long fundId,
            @RequestParam(required = false) BigDecimal amount,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn,
            @RequestParam(required = false) Donation.Channel channel, @RequestParam(required = false) String note,
            @RequestParam(required = false) String formKey, RedirectAttributes redirect) {
        return step(redirect, "/donations", "donation.recorded", () -> register.receive(me, new FundRegister.NewDonation(
                donorId, donorKind, donorName, donorContact, fundId == null ? -1 : fundId, amount, receivedOn, channel,
                note, formKey)));
    }

    @GetMapping("/donations/{id}/receipt")
    ResponseEntity<byte[]> receipt(CurrentUser me, @PathVariable long id) {
        Donation donation = register.donation(me, id);
        return Downloads.pdf("捐赠票据 " + donation.getReceiptNumber() + ".pdf", register.receipt(me, id));
    }

    @PostMapping("/donations/{id}/reversal")
    String reverseDonation(CurrentUser me, @PathVariable long id, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return step(redirect, "/donations", "donation.reversed", () -> register.reverseDonation(me, id, reason));
    }

    // ---------------------------------------------------------------- payment orders

    @GetMapping("/payment-orders")
    String orders(CurrentUser me, @RequestParam(required = false) PaymentOrder.Status status,
            @RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
        List<FundRegister.FundBalance> funds = register.funds(me);
        Payments.OrdersPage orders = payments.page(me, status, q, PageRequest.of(page, 30));
        model.addAttribute("orders", orders.orders());
        model.addAttribute("counts", orders.counts());
        model.addAttribute("statuses", PaymentOrder.Status.values());
        model.addAttribute("status", status);
        model.addAttribute("q", q);
        model.addAttribute("funds", funds);
        model.addAttribute("purposes", PaymentPurpose.values());
        model.addAttribute("methods", PaymentOrder.Method.values());
        model.addAttribute("formKey", UUID.randomUUID().toString());
        return "funds/orders";
    }

    /** The orders as listed (every page), as the register of payments (支付台账); accounts masked. */
    @GetMapping("/payment-orders/register.xlsx")
    ResponseEntity<Resource> register(CurrentUser me, @RequestParam(required = false) PaymentOrder.Status status,
            @RequestParam(required = false) String q) {
        return registers.download("PaymentOrder", "支付台账", "见义勇为资金支付台账", Arrays.asList(
                Registers.filter("范围", me.regionName()),
                Registers.filter("状态", status == null ? null : registers.label("payment.status." + status)),
                Registers.filter("查询", q)), me.displayName(), LocalDate.now(clock), PAYMENT_COLUMNS,
                out -> payments.register(me, status, q, Registers.MAX_LINES, o -> out.accept(Arrays.asList(o.number(),
                        o.requestedOn(), regions.nameOf(o.regionCode()), registers.label("purpose." + o.purpose()),
                        o.payeeName(), o.payeeBankName(), o.payeeAccountMasked(), o.amount(), o.description(),
                        o.decisionDocument(), registers.label("payment.status." + o.status()), o.paidOn(),
                        o.bankReference()))));
    }

    private static final List<Registers.Column> PAYMENT_COLUMNS = List.of(new Registers.Column("支付单号", 22),
            new Registers.Column("申请日期", 12), new Registers.Column("地区", 10), new Registers.Column("用途", 10),
            new Registers.Column("收款人", 14), new Registers.Column("开户银行", 20), new Registers.Column("账号", 22),
            new Registers.Column("金额（元）", 14), new Registers.Column("摘要", 30), new Registers.Column("审批文号", 22),
            new Registers.Column("状态", 10), new Registers.Column("发放日期", 12), new Registers.Column("银行流水号", 20));

    @PostMapping("/payment-orders")
    String requestManually(CurrentUser me, @RequestParam(required = false) Long fundId,
            @RequestParam(required = false) PaymentPurpose purpose, @RequestParam(required = false) String payeeName,
            @RequestParam(required = false) Long payeeSamaritanId, @RequestParam(required = false) BigDecimal amount,
            @RequestParam(required = false) String description, @RequestParam(required = false) String justification,
            @RequestParam(required = false) String decisionDocument, @RequestParam(required = false) String formKey,
            @RequestParam(required = false) PaymentOrder.Method paymentMethod,
            @RequestParam(required = false) String payeeBankName,
            @RequestParam(required = false) String payeeAccountNumber, RedirectAttributes redirect) {
        // a bank transfer with no account typed yet is requested as such; the account can follow on the order
        boolean noAccountYet = paymentMethod == PaymentOrder.Method.BANK_TRANSFER
                && (payeeAccountNumber == null || payeeAccountNumber.isBlank());
        try {
            PaymentOrder order = payments.requestManually(me, new Payments.ManualOrder(fundId == null ? -1 : fundId,
                    purpose, payeeName, payeeSamaritanId, amount, description, justification, decisionDocument,
                    formKey, noAccountYet ? null : paymentMethod, noAccountYet ? null : payeeBankName,
                    noAccountYet ? null : payeeAccountNumber));
            redirect.addFlashAttribute("success", "payment.requested.done");
            return "redirect:/payment-orders/" + order.getId();
        } catch (DomainException refused) {
            return refused(redirect, refused, "/payment-orders");
        }
    }

    @GetMapping("/payment-orders/{id}")
    String order(CurrentUser me, @PathVariable long id, Model model) {
        PaymentOrder order = payments.get(me, id);
        List<FundRegister.FundBalance> funds = register.funds(me);
        model.addAttribute("order", order);
        model.addAttribute("review", payments.review(me, id));
        model.addAttribute("methods", PaymentOrder.Method.values());
        model.addAttribute("names", fundNames(funds));
        // each fund the reviewer may pay from, with its balance, to choose one that can pay
        model.addAttribute("sameAssociation", funds.stream()
                .filter(line -> line.fund().getRegionCode().equals(order.getRegionCode())).toList());
        model.addAttribute("batch", order.getBatchId() == null ? null : payments.batchOf(me, order.getBatchId()));
        model.addAttribute("today", LocalDate.now(clock));
        return "funds/order";
    }

    @PostMapping("/payment-orders/{id}/approval")
    String approve(CurrentUser me, @PathVariable long id, @RequestParam(required = false) Long fundId,
            RedirectAttributes redirect) {
        return step(redirect, "/payment-orders/" + id, "payment.approved", () -> payments.approve(me, id, fundId));
    }

    @PostMapping("/payment-orders/{id}/payment-method")
    String payWith(CurrentUser me, @PathVariable long id,
            @RequestParam(required = false) PaymentOrder.Method paymentMethod,
            @RequestParam(required = false) String payeeBankName,
            @RequestParam(required = false) String payeeAccountNumber, RedirectAttributes redirect) {
        return step(redirect, "/payment-orders/" + id, "payment.method.saved",
                () -> payments.payWith(me, id, paymentMethod, payeeBankName, payeeAccountNumber));
    }

    @PostMapping("/payment-orders/{id}/cancellation")
    String cancel(CurrentUser me, @PathVariable long id, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return step(redirect, "/payment-orders/" + id, "payment.cancelled", () -> payments.cancel(me, id, reason));
    }

    @PostMapping("/payment-orders/{id}/payment")
    String paid(CurrentUser me, @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate paidOn,
            @RequestParam(required = false) String bankReference, @RequestParam(required = false) String back,
            RedirectAttributes redirect) {
        return step(redirect, back(back, id), "payment.paid", () -> payments.markPaid(me, id, paidOn, bankReference));
    }

    @PostMapping("/payment-orders/{id}/failure")
    String failed(CurrentUser me, @PathVariable long id, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String back, RedirectAttributes redirect) {
        return step(redirect, back(back, id), "payment.failed", () -> payments.markFailed(me, id, reason));
    }

    @PostMapping("/payment-orders/{id}/reissue")
    String reissue(CurrentUser me, @PathVariable long id, RedirectAttributes redirect) {
        return step(redirect, "/payment-orders/" + id, "payment.reissued", () -> payments.reissue(me, id));
    }

    @PostMapping("/payment-orders/{id}/return")
    String returned(CurrentUser me, @PathVariable long id, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return step(redirect, "/payment-orders/" + id, "payment.returned", () -> payments.returned(me, id, reason));
    }

    @PostMapping("/payment-orders/{id}/acknowledgement")
    String acknowledge(CurrentUser me, @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate acknowledgedOn,
            @RequestParam(required = false) String acknowledgedBy, @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        return step(redirect, "/payment-orders/" + id, "payment.acknowledged.done",
                () -> payments.acknowledge(me, id, acknowledgedOn, acknowledgedBy, note));
    }

    // ---------------------------------------------------------------- batches

    @GetMapping("/payment-orders/batches")
    String batches(CurrentUser me, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("approved", payments.list(me, PaymentOrder.Status.APPROVED, null, new PageRequest(0, 200))
                .items());
        model.addAttribute("batches", payments.batches(me, PageRequest.of(page, 50)));
        model.addAttribute("names", fundNames(register.funds(me)));
        return "funds/batches";
    }

    @PostMapping("/payment-orders/batches")
    String batch(CurrentUser me, @RequestParam(required = false) List<Long> orderIds, RedirectAttributes redirect) {
        try {
            DisbursementBatch batch = payments.batch(me, orderIds);
            redirect.addFlashAttribute("success", "batch.created");
            return "redirect:/payment-orders/batches/" + batch.getId();
        } catch (DomainException refused) {
            return refused(redirect, refused, "/payment-orders/batches");
        }
    }

    @GetMapping("/payment-orders/batches/{id}")
    String batch(CurrentUser me, @PathVariable long id, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("batch", payments.batchOf(me, id));
        model.addAttribute("summary", bulk.summary(me, id));
        model.addAttribute("orders", bulk.orders(me, id, PageRequest.of(page, 100)));
        model.addAttribute("today", LocalDate.now(clock));
        return "funds/batch";
    }

    /** The whole batch paid by the bank: every order still waiting in it, on one day, with the batch's reference. */
    @PostMapping("/payment-orders/batches/{id}/payment")
    String settle(CurrentUser me, @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate paidOn,
            @RequestParam(required = false) String bankReference, @RequestParam(required = false) Long orders,
            RedirectAttributes redirect) {
        return done(redirect, "/payment-orders/batches/" + id, "batch.settled",
                () -> bulk.settle(me, id, paidOn, bankReference, orders));
    }

    // ---------------------------------------------------------------- groups of orders

    /** Orders asked for by one record (a campaign's thousands), waiting for review or for a batch, a group each. */
    @GetMapping("/payment-orders/groups")
    String groups(CurrentUser me, Model model) {
        model.addAttribute("requested", bulk.waiting(me, PaymentOrder.Status.REQUESTED));
        model.addAttribute("approved", bulk.waiting(me, PaymentOrder.Status.APPROVED));
        model.addAttribute("regionNames", regionNames(me));
        return "funds/groups";
    }

    @PostMapping("/payment-orders/groups/approval")
    String approveGroup(CurrentUser me, BulkPayments.GroupKey key, @RequestParam(required = false) Long orders,
            @RequestParam(required = false) java.math.BigDecimal amount, RedirectAttributes redirect) {
        return done(redirect, "/payment-orders/groups", "payment.group.approved.done",
                () -> bulk.approve(me, key, orders, amount));
    }

    @PostMapping("/payment-orders/groups/batches")
    String batchGroup(CurrentUser me, BulkPayments.GroupKey key, @RequestParam(required = false) Long orders,
            @RequestParam(required = false) java.math.BigDecimal amount, RedirectAttributes redirect) {
        try {
            BulkPayments.Done done = bulk.batch(me, key, orders, amount);
            redirect.addFlashAttribute("success", done.leftForOthers() + done.leftWithoutAccount() == 0
                    ? "payment.group.batched" : "payment.group.batched.partly");
            redirect.addFlashAttribute("successArgs", new Object[] {done.orders(), yuan(done.amount()),
                done.batches().size(), done.leftForOthers(), done.leftWithoutAccount()});
            return "redirect:/payment-orders/batches";
        } catch (DomainException refused) {
            return refused(redirect, refused, "/payment-orders/groups");
        }
    }

    /** Runs a step on many orders; the page then says how many it took, their sum and those it left. */
    private static String done(RedirectAttributes redirect, String page, String success,
            java.util.function.Supplier<BulkPayments.Done> step) {
        try {
            BulkPayments.Done done = step.get();
            redirect.addFlashAttribute("success", done.leftForOthers() == 0 ? success : success + ".partly");
            redirect.addFlashAttribute("successArgs", new Object[] {done.orders(), yuan(done.amount()),
                done.leftForOthers()});
            return "redirect:" + page;
        } catch (DomainException refused) {
            return refused(redirect, refused, page);
        }
    }

    /** 1,234,567.00 */
    private static String yuan(BigDecimal amount) {
        return String.format(java.util.Locale.ROOT, "%,.2f", amount);
    }

    private Map<String, String> regionNames(CurrentUser me) {
        Map<String, String> names = new HashMap<>();
        regions.within(me.scope()).forEach(region -> names.put(region.code(), region.name()));
        return names;
    }

    @GetMapping("/payment-orders/batches/{id}/bank-file")
    ResponseEntity<byte[]> bankFile(CurrentUser me, @PathVariable long id,
            @RequestParam(defaultValue = "CSV") BankFiles.Format format) {
        DisbursementBatch batch = payments.batchOf(me, id);
        return FundApi.bankFile(batch, format, bankFiles.of(me, id, format));
    }

    // ---------------------------------------------------------------- helpers

    private static Map<Long, String> fundNames(List<FundRegister.FundBalance> funds) {
        Map<Long, String> names = new HashMap<>();
        funds.forEach(line -> names.put(line.fund().getId(), line.fund().getName()));
        return names;
    }

    /** Back to the batch page when the form came from it, else to the order. */
    private static String back(String back, long id) {
        return back != null && back.matches("/payment-orders/batches/\\d+") ? back : "/payment-orders/" + id;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
