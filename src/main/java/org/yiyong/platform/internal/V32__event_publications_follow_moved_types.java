package org.yiyong.platform.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Events still waiting for their listener when Yiyong is upgraded are found again after it: the
 * listeners moved into their modules' internal packages and the payment events from shared to funds,
 * so the waiting publications get the new names, and the payment events the form they have now — the
 * asking record as a typed source instead of a reference to parse ("reward-12" → HONOURS, reward, 12),
 * and, for a settlement or a return, the order and its amount, read from the order. Completed
 * publications are history and stay as they were.
 */
@Component
// named as Flyway expects: it reads the version and description from the class name
class V32__event_publications_follow_moved_types extends BaseJavaMigration {

    /** old name → new name, in listener ids such as {@code a.b.Listener.on(a.b.Event)} and event types */
    static final Map<String, String> MOVED = new LinkedHashMap<>();

    static {
        MOVED.put("org.yiyong.care.CarePayments", "org.yiyong.care.internal.CarePayments");
        MOVED.put("org.yiyong.funds.PaymentRequests", "org.yiyong.funds.internal.PaymentRequests");
        MOVED.put("org.yiyong.honours.RewardPayments", "org.yiyong.honours.internal.RewardPayments");
        MOVED.put("org.yiyong.samaritans.DeedConfirmations", "org.yiyong.samaritans.internal.DeedConfirmations");
        for (String event : new String[] {"PaymentRequested", "PaymentSettled", "PaymentReturned", "PaymentWithdrawn"}) {
            MOVED.put("org.yiyong.shared." + event, "org.yiyong.funds." + event);
        }
    }

    private static final Pattern REFERENCE = Pattern.compile("([a-z]+(?:-[a-z]+)*)-(\\d{1,18})(?:-(\\d{1,18}))?");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public void migrate(Context context) throws Exception {
        convert(context.getConnection());
    }

    /** Converts every publication not completed yet; answers how many payment events were rewritten. */
    static int convert(Connection connection) throws SQLException {
        int rewritten = 0;
        try (PreparedStatement select = connection.prepareStatement("""
                select id, event_type, serialized_event from event_publication
                where completion_date is null and event_type like 'org.yiyong.shared.Payment%'""");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String type = rows.getString("event_type");
                String converted = converted(connection, type.substring(type.lastIndexOf('.') + 1),
                        rows.getString("serialized_event"));
                if (converted != null) {
                    try (PreparedStatement update = connection.prepareStatement(
                            "update event_publication set serialized_event = ? where id = ?")) {
                        update.setString(1, converted);
                        update.setObject(2, rows.getObject("id"));
                        update.executeUpdate();
                        rewritten++;
                    }
                }
            }
        }
        for (Map.Entry<String, String> move : MOVED.entrySet()) {
            for (String column : new String[] {"listener_id", "event_type"}) {
                try (PreparedStatement update = connection.prepareStatement("update event_publication set "
                        + column + " = replace(" + column + ", ?, ?) where completion_date is null")) {
                    update.setString(1, move.getKey());
                    update.setString(2, move.getValue());
                    update.executeUpdate();
                }
            }
        }
        return rewritten;
    }

    /** The event in today's form, or null when it cannot be read (left as it was, and so reported on start). */
    static String converted(Connection connection, String event, String serialized) throws SQLException {
        JsonNode read = JSON.readTree(serialized);
        if (!(read instanceof ObjectNode node) || !node.path("sourceRef").isString()) {
            return null;
        }
        String module = node.path("source").asString();
        String reference = node.path("sourceRef").asString();
        Matcher parts = REFERENCE.matcher(reference);
        if (!parts.matches()) {
            return null;
        }
        node.remove("sourceRef");
        ObjectNode source = node.putObject("source");
        source.put("module", module);
        source.put("kind", parts.group(1));
        source.put("recordId", Long.parseLong(parts.group(2)));
        if (parts.group(3) == null) {
            source.putNull("lineId");
        } else {
            source.put("lineId", Long.parseLong(parts.group(3)));
        }
        if (event.equals("PaymentSettled") || event.equals("PaymentReturned")) {
            try (PreparedStatement order = connection.prepareStatement(
                    "select id, number, amount from payment_order where source = ? and source_ref = ?")) {
                order.setString(1, module);
                order.setString(2, reference);
                try (ResultSet found = order.executeQuery()) {
                    if (!found.next()) {
                        return null;
                    }
                    BigDecimal amount = found.getBigDecimal("amount");
                    if (event.equals("PaymentReturned")) {
                        String reason = node.path("reason").asString();
                        node.remove("reason");
                        node.put("orderId", found.getLong("id"));
                        node.put("orderNumber", found.getString("number"));
                        node.put("amount", amount);
                        node.put("reason", reason);
                    } else {
                        node.put("amount", amount);
                    }
                }
            }
        }
        return JSON.writeValueAsString(node);
    }
}
