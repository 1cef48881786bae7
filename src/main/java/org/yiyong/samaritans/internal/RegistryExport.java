package org.yiyong.samaritans.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.identity.CurrentUser;
import org.yiyong.identity.Role;
import org.yiyong.organization.Regions;
import org.yiyong.samaritans.SamaritanRegistry;
import org.yiyong.shared.FieldCipher;
import org.yiyong.shared.InvalidField;
import org.yiyong.shared.Masking;
import org.yiyong.shared.NotAllowed;

/**
 * The registry as a spreadsheet (XLSX) or CSV, for the records in the caller's scope that match the
 * filter. Numbers and phones are masked; an unmasked export takes a reason, bureau staff, and goes on
 * the audit trail with the number of people in it.
 */
@Service
public class RegistryExport {

    /** The file formats on offer. */
    public enum Format {
        XLSX,
        CSV
    }

    private static final List<String> HEADERS = List.of("档案号", "姓名", "性别", "出生日期", "公民身份号码", "所属地区",
            "状态", "失联", "联系电话", "现住址", "开户银行", "银行账号", "确认事迹数");

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final SamaritanRegistry registry;
    private final AuditTrail audit;
    private final Regions regions;

    RegistryExport(JdbcClient jdbc, FieldCipher cipher, SamaritanRegistry registry, AuditTrail audit,
            Regions regions) {
        this.registry = registry;
        this.regions = regions;
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.audit = audit;
    }

    @Transactional
    @PreAuthorize(SamaritanRegistry.READ)
    public byte[] export(CurrentUser me, SamaritanFilter filter, Format format, boolean unmasked, String reason) {
        if (unmasked) {
            if (!me.hasAny(Role.CITY_STAFF, Role.COUNTY_STAFF)) {
                throw new NotAllowed("samaritan.export.unmasked-not-allowed");
            }
            if (reason == null || reason.trim().length() < 4) {
                throw new InvalidField("reason", "samaritan.unmask.reason-short");
            }
        }
        List<List<String>> rows = rows(me, filter == null ? new SamaritanFilter(null, null, null, null) : filter,
                unmasked);
        audit.record(AuditRecord.of(unmasked ? AuditAction.SENSITIVE_VIEWED : AuditAction.FILE_DOWNLOADED,
                SamaritanRegistry.ENTITY, "export")
                .withDetail((unmasked ? "unmasked registry export (" + reason.trim() + "): " : "registry export: ")
                        + rows.size() + " people"));
        return format == Format.CSV ? csv(rows) : xlsx(rows);
    }

    private List<List<String>> rows(CurrentUser me, SamaritanFilter filter, boolean unmasked) {
        Map<String, Object> params = new HashMap<>();
        String condition = registry.condition(me.scope(), filter, params);
        return jdbc.sql("""
                select s.number, s.name, s.gender, s.birth_date, s.resident_id, s.resident_id_masked, s.region_code,
                       s.status, s.lost_contact, s.phone, s.address, s.bank_name, s.bank_account, s.bank_account_masked,
                       (select count(*) from samaritan_deed d where d.samaritan_id = s.id) as deeds
                from samaritan s""" + " where " + condition
                        + " order by s.region_code, s.number")
                .params(params)
                .query((rs, n) -> {
                    List<String> row = new ArrayList<>();
                    row.add(rs.getString("number"));
                    row.add(rs.getString("name"));
                    String gender = rs.getString("gender");
                    row.add(gender == null ? "" : "MALE".equals(gender) ? "男" : "女");
                    row.add(rs.getString("birth_date") == null ? "" : rs.getObject("birth_date",
                            java.time.LocalDate.class).toString());
                    String id = rs.getString("resident_id");
                    row.add(id == null ? "" : unmasked ? cipher.decrypt(id) : rs.getString("resident_id_masked"));
                    row.add(regions.nameOf(rs.getString("region_code")));
                    row.add(STATUS.get(rs.getString("status")));
                    row.add(rs.getBoolean("lost_contact") ? "是" : "");
                    String phone = rs.getString("phone");
                    row.add(phone == null ? "" : unmasked ? phone : Masking.phone(phone));
                    row.add(nullToEmpty(rs.getString("address")));
                    row.add(nullToEmpty(rs.getString("bank_name")));
                    String account = rs.getString("bank_account");
                    row.add(account == null ? "" : unmasked ? cipher.decrypt(account) : rs.getString("bank_account_masked"));
                    row.add(String.valueOf(rs.getInt("deeds")));
                    return row;
                })
                .list();
    }

    private static final Map<String, String> STATUS = Map.of("ACTIVE", "健在", "INJURED", "负伤", "DISABLED", "伤残",
            "DECEASED", "已牺牲/去世");

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static byte[] csv(List<List<String>> rows) {
        StringBuilder out = new StringBuilder("\uFEFF"); // a byte order mark, so that Excel reads UTF-8
        out.append(String.join(",", HEADERS)).append("\r\n");
        for (List<String> row : rows) {
            out.append(String.join(",", row.stream().map(RegistryExport::csvCell).toList())).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Quoted when needed; a leading =, +, - or @ is defused so a spreadsheet does not run it as a formula. */
    static String csvCell(String value) {
        String cell = value;
        if (!cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0) {
            cell = "'" + cell;
        }
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            cell = "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }

    private static byte[] xlsx(List<List<String>> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("见义勇为人员");
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADERS.size(); i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(HEADERS.get(i));
                cell.setCellStyle(bold);
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<String> values = rows.get(r);
                for (int c = 0; c < values.size(); c++) {
                    row.createCell(c).setCellValue(values.get(c)); // text cells: ID numbers keep every digit
                }
            }
            sheet.createFreezePane(0, 1);
            for (int i = 0; i < HEADERS.size(); i++) {
                sheet.setColumnWidth(i, i == 4 || i == 9 || i == 11 ? 24 * 256 : 14 * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
