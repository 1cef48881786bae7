package org.yiyong.funds.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.identity.CurrentUser;
import org.yiyong.samaritans.SamaritanRegistry;
import org.yiyong.shared.FieldCipher;

/**
 * The bank file of a batch (代发文件): one line per bank transfer still waiting in it, with the payee's
 * account in full — which is why every download is written to the audit trail. Orders paid in cash or
 * by cheque are the cashier's to hand over and are not sent to the bank.
 */
@Service
public class BankFiles {

    /** CSV (UTF-8 with a byte order mark, for Excel) or XLSX. */
    public enum Format {
        CSV, XLSX
    }

    static final List<String> HEADERS = List.of("序号", "支付单号", "收款人", "开户银行", "账号", "金额（元）", "用途");

    private final Payments payments;
    private final SamaritanRegistry samaritans;
    private final AuditTrail audit;
    private final FieldCipher cipher;

    BankFiles(Payments payments, SamaritanRegistry samaritans, AuditTrail audit, FieldCipher cipher) {
        this.cipher = cipher;
        this.payments = payments;
        this.samaritans = samaritans;
        this.audit = audit;
    }

    @Transactional
    @PreAuthorize("hasAnyRole('CASHIER', 'FINANCE_REVIEWER')")
    public byte[] of(CurrentUser me, long batchId, Format format) {
        DisbursementBatch batch = payments.batchOf(me, batchId);
        List<List<Object>> rows = new ArrayList<>();
        for (PaymentOrder order : payments.ordersOf(me, batchId)) {
            if (order.getStatus() != PaymentOrder.Status.IN_BATCH
                    || order.getPaymentMethod() != PaymentOrder.Method.BANK_TRANSFER) {
                continue;
            }
            // an order carries the account it was batched with; one batched before orders carried accounts
            // still takes the registry's, and only if it is the payee's own (not a survivor's or a child's)
            var account = order.getPayeeAccountEncrypted() != null
                    ? java.util.Optional.of(new SamaritanRegistry.BankAccount(order.getPayeeBankName(),
                            cipher.decrypt(order.getPayeeAccountEncrypted()), order.getPayeeName()))
                    : order.getPayeeSamaritanId() == null ? java.util.Optional.<SamaritanRegistry.BankAccount>empty()
                    : samaritans.bankAccountForPayment(order.getPayeeSamaritanId())
                            .filter(known -> known.holder().equals(order.getPayeeName()));
            rows.add(List.of(rows.size() + 1, order.getNumber(), order.getPayeeName(),
                    account.map(SamaritanRegistry.BankAccount::bankName).orElse(""),
                    account.map(SamaritanRegistry.BankAccount::accountNumber).orElse("（待补录账户）"),
                    order.getAmount().amount(), order.getDescription()));
        }
        audit.record(AuditRecord.of(AuditAction.SENSITIVE_VIEWED, "DisbursementBatch", batchId)
                .withDetail("bank file " + format + " of " + batch.getNumber() + ": " + rows.size() + " payees"));
        return format == Format.CSV ? csv(rows) : xlsx(batch, rows);
    }

    private static byte[] csv(List<List<Object>> rows) {
        StringBuilder out = new StringBuilder("\uFEFF");
        out.append(String.join(",", HEADERS)).append("\r\n");
        for (List<Object> row : rows) {
            out.append(String.join(",", row.stream().map(BankFiles::cell).toList())).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String cell(Object value) {
        String cell = value instanceof BigDecimal amount ? amount.toPlainString() : String.valueOf(value);
        if (!cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0) {
            cell = "'" + cell;
        }
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            cell = "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }

    private static byte[] xlsx(DisbursementBatch batch, List<List<Object>> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(batch.getNumber());
            WorkbookStyles styles = WorkbookStyles.of(workbook);
            CellStyle money = styles.money();
            styles.header(sheet.createRow(0), HEADERS);
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<Object> values = rows.get(r);
                for (int c = 0; c < values.size(); c++) {
                    Object value = values.get(c);
                    if (value instanceof BigDecimal amount) {
                        row.createCell(c).setCellValue(amount.doubleValue());
                        row.getCell(c).setCellStyle(money);
                    } else if (value instanceof Integer n) {
                        row.createCell(c).setCellValue(n);
                    } else {
                        row.createCell(c).setCellValue(String.valueOf(value));
                    }
                }
            }
            for (int i = 0; i < HEADERS.size(); i++) {
                sheet.setColumnWidth(i, i == 4 ? 24 * 256 : 16 * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
