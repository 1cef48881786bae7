package org.yiyong.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.yiyong.FullStackTest;

/**
 * Several thousand bad inputs over every write operation of the JSON API: malformed and mis-shaped
 * bodies, wrong content types, and each documented field in turn given values no one should send
 * (control characters, 100 000 characters, blanks, huge and negative numbers, impossible dates,
 * unknown enum values, nulls) on top of an otherwise plausible body. None may answer 500, and every
 * refusal is problem+json.
 *
 * <p>The battery works on records of its own (made first, through the API); a shared record of the
 * demo data (a title, a standard, the working calendar) is only sent values that must be refused.
 */
class BadInputBatteryTests extends FullStackTest {

    private static final String ACCOUNT = "6214830591234567";
    private static final String HUGE = "字".repeat(100_000);
    private static final long MISSING = 999_999_999L;
    private static final Pattern STACK_TRACE = Pattern.compile("\\tat |\\b(java|org|tools|jakarta)\\.[a-z]+\\.[\\w.$]+(Exception|Error)\\b");

    /** Operations on shared reference data: only values that must be refused are sent. */
    private static final Pattern SHARED = Pattern.compile(
            "/api/v1/(titles/.*|death-parameters/.*|pension-standards/.*|visits/policies/.*|student-aid/rates"
                    + "|campaigns/standards|calendar-days.*)");

    /** Creating operations (POST) whose answers' ids the battery keeps to use as its own records. */
    private static final Pattern CREATES = Pattern.compile(
            "/api/v1/(organizations|funds|donations|payment-orders|samaritans|deeds|honours|honour-rounds"
                    + "|recommendations|honours/transit-cards|campaigns|targeted-aid|student-aid/applications"
                    + "|assistance-cases|visits|samaritans/\\{id}/(family|hospital-stays|benefits|disability-cases"
                    + "|pensions)|deeds/\\{id}/(review-requests|document-requests)|campaigns/\\{id}/lines"
                    + "|samaritans/\\{id}/hospital-stays/\\{stayId}/expenses)");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    org.springframework.web.context.WebApplicationContext context;

    /** MockMvc as the tests have it, without keeping a printout of every exchange for a failure. */
    private org.springframework.test.web.servlet.MockMvc quiet;

    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService accounts;

    @Autowired
    org.yiyong.identity.internal.AccessTokenService tokens;

    /** A bearer token of a city staff account of the battery's own: token calls need no CSRF token. */
    private String token;

    private Map<String, Object> document;
    private final Map<String, Long> own = new LinkedHashMap<>();
    private final Map<String, RequestPostProcessor> users = new LinkedHashMap<>();
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private final Map<String, Map<Integer, Integer>> byOperation = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private final Set<String> failureKinds = new LinkedHashSet<>();
    private int sent;

    record Operation(HttpMethod method, String path, List<String> consumes, Map<String, Object> body,
            Map<String, Map<String, Object>> pathVariables, List<String> headers) {

        boolean multipart() {
            return consumes.stream().anyMatch(type -> type.startsWith("multipart/"));
        }

        boolean shared() {
            return SHARED.matcher(path).matches();
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** A JSON text written as it is. */
    record Raw(String json) {
    }

    @Test
    void no_bad_input_to_any_write_operation_gets_a_500_and_every_refusal_is_problem_json() throws Exception {
        long started = System.nanoTime();
        var builder = org.springframework.test.web.servlet.setup.MockMvcBuilders.webAppContextSetup(context);
        for (var customizer : context.getBeansOfType(
                org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer.class).values()) {
            if (customizer instanceof org.springframework.boot.webmvc.test.autoconfigure.SpringBootMockMvcBuilderCustomizer
                    boot) {
                var silent = new org.springframework.boot.webmvc.test.autoconfigure.SpringBootMockMvcBuilderCustomizer(
                        context);
                silent.setAddFilters(boot.isAddFilters());
                silent.setPrint(org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint.NONE);
                silent.customize(builder);
            } else {
                customizer.customize(builder);
            }
        }
        quiet = builder.build();
        String mine = staffOf("QZ-ASSOC", "CITY_STAFF");
        token = "Bearer " + org.yiyong.identity.SignedIn.as(accounts.loadUserByUsername(mine),
                me -> tokens.issue(me, "bad-input battery", 90)).token();
        document = JsonPath.parse(mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString())
                .json();
        List<Operation> operations = operations();
        deedStages();
        ownRecords(operations);
        orderStages();
        honourStages();
        for (Operation operation : operations) {
            battery(operation);
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        System.out.println("Bad-input battery: " + operations.size() + " write operations, " + sent
                + " requests, " + seconds + " s; statuses " + statuses + "; own records " + own.keySet());
        byOperation.forEach((operation, counts) -> System.out.println("  " + operation + " " + counts));
        failures.stream().limit(60).forEach(System.out::println);
        assertThat(operations).as("write operations under /api").hasSizeGreaterThan(80);
        assertThat(failureKinds).as("requests answered 500 or a 4xx that is not problem+json").isEmpty();
    }

    // ---------------------------------------------------------------- the operations

    @SuppressWarnings("unchecked")
    private List<Operation> operations() {
        Map<String, Object> paths = (Map<String, Object>) document.get("paths");
        List<Operation> operations = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> handler : mappings.getHandlerMethods().entrySet()) {
            for (String path : handler.getKey().getPatternValues()) {
                if (!path.startsWith("/api/")) {
                    continue;
                }
                for (RequestMethod method : handler.getKey().getMethodsCondition().getMethods()) {
                    if (method == RequestMethod.GET || method == RequestMethod.HEAD
                            || method == RequestMethod.OPTIONS || !seen.add(method + " " + path)) {
                        continue;
                    }
                    Map<String, Object> item = (Map<String, Object>) paths.getOrDefault(path, Map.of());
                    Map<String, Object> documented = (Map<String, Object>) item
                            .getOrDefault(method.name().toLowerCase(Locale.ROOT), Map.of());
                    List<String> consumes = new ArrayList<>();
                    handler.getKey().getConsumesCondition().getConsumableMediaTypes()
                            .forEach(type -> consumes.add(type.toString()));
                    Map<String, Object> body = null;
                    Map<String, Object> requestBody = (Map<String, Object>) documented.get("requestBody");
                    if (requestBody != null) {
                        Map<String, Object> content = (Map<String, Object>) requestBody.get("content");
                        if (content != null && !content.isEmpty()) {
                            Map.Entry<String, Object> first = content.entrySet().iterator().next();
                            if (consumes.isEmpty()) {
                                consumes.add(first.getKey());
                            }
                            body = (Map<String, Object>) ((Map<String, Object>) first.getValue()).get("schema");
                        }
                    }
                    Map<String, Map<String, Object>> variables = new LinkedHashMap<>();
                    List<String> headers = new ArrayList<>();
                    Matcher names = Pattern.compile("\\{([^}:]+)").matcher(path);
                    while (names.find()) {
                        variables.put(names.group(1), Map.of("type", "integer"));
                    }
                    for (Object parameter : (List<Object>) documented.getOrDefault("parameters", List.of())) {
                        Map<String, Object> p = (Map<String, Object>) parameter;
                        if ("header".equals(p.get("in"))) {
                            headers.add((String) p.get("name"));
                        }
                        if ("path".equals(p.get("in")) && variables.containsKey(p.get("name"))) {
                            variables.put((String) p.get("name"), resolve((Map<String, Object>) p.get("schema")));
                        }
                    }
                    operations.add(new Operation(HttpMethod.valueOf(method.name()), path, consumes, body, variables,
                            headers));
                }
            }
        }
        operations.sort((a, b) -> a.path().compareTo(b.path()) != 0 ? a.path().compareTo(b.path())
                : a.method().name().compareTo(b.method().name()));
        return operations;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> resolve(Map<String, Object> schema) {
        Map<String, Object> resolved = schema == null ? Map.of() : schema;
        for (int i = 0; i < 10 && resolved.containsKey("$ref"); i++) {
            String ref = (String) resolved.get("$ref");
            Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) document.get("components"))
                    .get("schemas");
            resolved = (Map<String, Object>) schemas.getOrDefault(ref.substring(ref.lastIndexOf('/') + 1), Map.of());
        }
        for (String combined : List.of("allOf", "oneOf", "anyOf")) {
            if (resolved.get(combined) instanceof List<?> parts && !parts.isEmpty()) {
                return resolve((Map<String, Object>) parts.get(0));
            }
        }
        return resolved;
    }

    private static String kind(Map<String, Object> schema) {
        if (schema.get("enum") != null) {
            return "enum";
        }
        Object type = schema.get("type");
        if (type instanceof List<?> types) {
            type = types.stream().map(String::valueOf).filter(t -> !"null".equals(t)).findFirst().orElse("string");
        }
        if (type == null) {
            return schema.get("properties") != null ? "object" : "string";
        }
        if ("string".equals(type)) {
            Object format = schema.get("format");
            return "date".equals(format) ? "date" : "date-time".equals(format) ? "date-time" : "string";
        }
        return type.toString();
    }

    // ---------------------------------------------------------------- plausible values

    /** The id of a record of the battery's own for a field or path variable, or {@code null}. */
    private Long ownId(String name, String path) {
        String key = name.toLowerCase(Locale.ROOT).replaceAll("ids?$", "");
        if (path.startsWith("/api/v1/organizations") && key.equals("parent")) {
            return organizationId("JJ-ASSOC");
        }
        boolean honours = path.startsWith("/api/v1/honours") || path.startsWith("/api/v1/recommendations");
        return switch (key) {
            case "samaritan" -> honours && !confirmed.isEmpty() ? confirmed.get(0) : own.get("samaritans");
            case "deed" -> honours && deedAt.containsKey("decided") ? deedAt.get("decided") : own.get("deeds");
            case "restrictedsamaritan" -> own.get("samaritans");
            case "fund", "parent" -> own.get("funds");
            case "order", "paymentorder" -> orderAt.getOrDefault("approved", own.get("payment-orders"));
            case "donation" -> own.get("donations");
            case "honour" -> own.get("honours");
            case "round" -> own.get("honour-rounds");
            case "campaign" -> own.get("campaigns");
            case "relative" -> own.get("family");
            case "stay" -> own.get("hospital-stays");
            case "benefit" -> own.get("benefits");
            case "line" -> own.get("lines");
            case "request" -> own.get("review-requests");
            case "application" -> own.get("applications");
            case "organization", "station", "workstation" -> own.containsKey("organizations")
                    ? own.get("organizations") : organizationId("JJ-ASSOC");
            default -> null;
        };
    }

    @SuppressWarnings("unchecked")
    private Object plausible(Map<String, Object> raw, String name, String path, int depth) {
        Map<String, Object> schema = resolve(raw);
        boolean shared = SHARED.matcher(path).matches();
        String lower = name.toLowerCase(Locale.ROOT);
        switch (kind(schema)) {
            case "enum":
                List<Object> values = (List<Object>) schema.get("enum");
                return values.get(0);
            case "date":
                return shared ? "2100-12-30" : LocalDate.ofInstant(clock.instant(), clock.getZone()).minusDays(2)
                        .toString();
            case "date-time":
                return clock.nowToTheMinute().minusDays(2).toString();
            case "integer":
                if (lower.endsWith("id")) {
                    return ownId(name, path);
                }
                if (lower.contains("year")) {
                    return shared ? 2099 : 2026;
                }
                return 1;
            case "number":
                return 100;
            case "boolean":
                return true;
            case "array":
                if (depth > 3) {
                    return List.of();
                }
                if (lower.endsWith("ids")) {
                    Long id = ownId(name, path);
                    return id == null ? List.of() : List.of(id);
                }
                Object item = plausible((Map<String, Object>) schema.getOrDefault("items", Map.of()), name, path,
                        depth + 1);
                List<Object> list = new ArrayList<>();
                list.add(item);
                return list;
            case "object":
                Map<String, Object> object = new LinkedHashMap<>();
                if (depth > 3) {
                    return object;
                }
                Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
                for (Map.Entry<String, Object> property : properties.entrySet()) {
                    object.put(property.getKey(), plausible((Map<String, Object>) property.getValue(),
                            property.getKey(), path, depth + 1));
                }
                if (properties.isEmpty() && schema.get("additionalProperties") instanceof Map<?, ?> valueSchema) {
                    object.put("综合评价", plausible((Map<String, Object>) valueSchema, name, path, depth + 1));
                }
                return object;
            default:
                if (lower.contains("region")) {
                    return "350582";
                }
                if (lower.equals("titlecode")) {
                    return path.startsWith("/api/v1/recommendations") ? higherTitle() : instantTitle();
                }
                if (lower.contains("residentid") || lower.contains("idnumber")) {
                    return uniqueResidentId("35058219900101");
                }
                if (lower.contains("phone") || lower.contains("mobile")) {
                    return "13800138000";
                }
                if (lower.contains("account")) {
                    return ACCOUNT;
                }
                if (lower.contains("month")) {
                    return "2026-10";
                }
                if (lower.contains("year")) {
                    return "2026";
                }
                return "测试" + name + Long.toString(System.nanoTime() % 100_000, 36);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> plausibleBody(Operation operation) {
        Object made = plausible(operation.body(), "", operation.path(), 0);
        Map<String, Object> body = made instanceof Map<?, ?> map ? (Map<String, Object>) map : new LinkedHashMap<>();
        switch (operation.path()) {
            case "/api/v1/funds" -> {
                body.put("parentId", jdbc.sql("select id from fund where code = 'FUND-350505'").query(Long.class).single());
                body.put("restriction", "PURPOSE");
                body.put("restrictedPurpose", "HARDSHIP");
                body.put("restrictedSamaritanId", null);
            }
            case "/api/v1/payment-orders" -> {
                body.put("purpose", "HARDSHIP");
                body.put("payeeSamaritanId", null);
            }
            case "/api/v1/honours" -> body.put("titleCode", instantTitle());
            case "/api/v1/honour-rounds" -> {
                body.put("members", List.of("committee-1", "committee-2"));
                body.put("criteria", Map.of("综合评价", 100));
            }
            case "/api/v1/organizations" -> {
                body.put("code", "BAT-" + Long.toString(System.nanoTime(), 36).toUpperCase(Locale.ROOT));
                body.put("type", "WORK_STATION");
                body.put("parentId", organizationId("JJ-ASSOC"));
            }
            case "/api/v1/deeds" -> body.putAll(deed());
            default -> {
            }
        }
        return body;
    }

    // ---------------------------------------------------------------- the battery's own records

    /** Deeds of the battery's own at each step of the way, so that each operation meets one it may act on. */
    private final Map<String, Long> deedAt = new LinkedHashMap<>();

    /** Payment orders of the battery's own: requested, approved, in a batch, paid. */
    private final Map<String, Long> orderAt = new LinkedHashMap<>();

    private static final String[] DEED_STAGES = {"registered", "accepted", "investigating", "reported", "proposed",
        "on-notice", "notice-closed", "decided", "delivered", "under-review"};

    private String deedStage(String path) {
        String step = path.replaceFirst("^/api/v1/deeds/\\{id}/?", "");
        if (step.equals("accept")) {
            return "registered";
        }
        if (step.startsWith("investigation/")) {
            return "investigating";
        }
        if (step.startsWith("extension") || step.startsWith("document-requests") || step.equals("investigation")) {
            return "accepted";
        }
        if (step.startsWith("review/") || step.equals("refuse")) {
            return "reported";
        }
        if (step.equals("notice")) {
            return "proposed";
        }
        if (step.startsWith("objections") || step.equals("notice/close")) {
            return "on-notice";
        }
        if (step.startsWith("decision") || step.startsWith("hearing")) {
            return "notice-closed";
        }
        if (step.equals("review-requests")) {
            return "delivered";
        }
        if (step.startsWith("review-requests/")) {
            return "under-review";
        }
        return "decided";
    }

    private String orderStage(String path) {
        String step = path.replaceFirst("^/api/v1/payment-orders/\\{id}/?", "");
        return switch (step) {
            case "payment", "failure" -> "batched";
            case "return", "acknowledgement" -> "paid";
            case "/api/v1/payment-orders/batches" -> "approved";
            default -> "requested";
        };
    }

    private long call(String user, String path, Object body) throws Exception {
        MockHttpServletResponse response = quiet.perform(request(HttpMethod.POST, java.net.URI.create(path))
                .with(user(user)).contentType(MediaType.APPLICATION_JSON).content(json(body))).andReturn()
                .getResponse();
        String content = response.getContentAsString(StandardCharsets.UTF_8);
        if (response.getStatus() >= 300) {
            System.out.println("Battery step refused: " + path + " " + response.getStatus() + " " + abbreviate(content));
            return -1;
        }
        Object id = content.startsWith("{") ? JsonPath.parse(content).read("$.id") : null;
        return id instanceof Number number ? number.longValue() : -1;
    }

    @SuppressWarnings("unchecked")
    private void deedStages() throws Exception {
        long station = organizationId("JJ-PS-QY");
        for (int stage = 0; stage < DEED_STAGES.length; stage++) {
            Map<String, Object> body = deed();
            if (DEED_STAGES[stage].equals("decided")) {
                body.put("participants", List.of(Map.of("role", "ACTOR", "name", unique("施")),
                        Map.of("role", "ACTOR", "name", unique("洪")), Map.of("role", "ACTOR", "name", unique("林")),
                        Map.of("role", "ACTOR", "name", unique("陈"))));
            }
            String made = quiet.perform(request(HttpMethod.POST, java.net.URI.create("/api/v1/deeds"))
                    .with(user("jinjiang-staff")).contentType(MediaType.APPLICATION_JSON).content(json(body)))
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            if (!made.contains("\"id\"")) {
                System.out.println("Battery deed not made: " + abbreviate(made));
                break;
            }
            long deed = ((Number) JsonPath.read(made, "$.id")).longValue();
            List<Integer> participants = JsonPath.read(made, "$.participants[?(@.role == 'ACTOR')].id");
            List<Object> confirm = new ArrayList<>();
            List<Object> confirmed = new ArrayList<>();
            for (Integer participant : participants) {
                confirm.add(Map.of("participantId", participant, "outcome", "CONFIRM"));
                confirmed.add(Map.of("participantId", participant, "outcome", "CONFIRMED"));
            }
            Object[][] steps = {
                {"accept", Map.of("acceptedOn", LocalDate.ofInstant(clock.instant(), clock.getZone()).minusDays(1)
                        .toString())},
                {"investigation", Map.of("organizationId", station, "investigators", "民警")},
                {"investigation/report", Map.of("summary", "查实", "recommendations", confirm)},
                {"review/proposal", Map.of("proposals", confirm)},
                {"notice", Map.of()},
                {"notice/close", Map.of()},
                {"decision", Map.of("outcomes", confirmed)},
                {"delivery", Map.of("method", "IN_PERSON", "recipient", "施某")},
                {"review-requests", Map.of("kind", "REVIEW", "requestedBy", "施某", "grounds", "不服")}};
            for (int step = 0; step < stage; step++) {
                if (steps[step][0].equals("notice/close")) {
                    clock.advance(java.time.Duration.ofDays(8));
                }
                call("jinjiang-police", "/api/v1/deeds/" + deed + "/" + steps[step][0], steps[step][1]);
            }
            deedAt.put(DEED_STAGES[stage], deed);
        }
        jdbc.sql("select min(id) from deed_review_request where deed_id = :deed")
                .param("deed", deedAt.getOrDefault("under-review", -1L)).query(Long.class).optional()
                .ifPresent(request -> own.put("review-requests", request));
        awaitEvents();
        confirmed.addAll(jdbc.sql("""
                select sd.samaritan_id from samaritan_deed sd join deed_participant p on p.id = sd.participant_id
                where p.deed_id = :deed order by sd.samaritan_id""").param("deed", deedAt.get("decided"))
                .query(Long.class).list());
    }

    /** The people the battery's decided deed confirmed: the first for honours, the others for their stages. */
    private final List<Long> confirmed = new ArrayList<>();

    private final Map<String, Long> honourAt = new LinkedHashMap<>();

    private void honourStages() throws Exception {
        String[] stages = {"proposed", "approved", "granted"};
        for (int i = 0; i < stages.length && i + 1 < confirmed.size(); i++) {
            long honour = call("city-staff", "/api/v1/honours", Map.of("samaritanId", confirmed.get(i + 1),
                    "deedId", deedAt.get("decided"), "titleCode", instantTitle(), "reason", "当场表彰"));
            if (i >= 1) {
                call("city-police", "/api/v1/honours/" + honour + "/approval", Map.of());
            }
            if (i >= 2) {
                call("city-staff", "/api/v1/honours/" + honour + "/grant", Map.of("decidedOn",
                        LocalDate.ofInstant(clock.instant(), clock.getZone()).toString(), "documentNumber",
                        unique("泉见字")));
            }
            honourAt.put(stages[i], honour);
        }
    }

    private String instantTitle() {
        return jdbc.sql("select min(code) from title where instant = true").query(String.class).single();
    }

    private String higherTitle() {
        return jdbc.sql("select min(code) from title where level in ('PROVINCIAL', 'NATIONAL') and recipient = 'PERSON'")
                .query(String.class).single();
    }

    private void orderStages() throws Exception {
        long fund = own.get("funds");
        call("city-staff", "/api/v1/donations", Map.of("donorKind", "ENTERPRISE", "donorName", "泉州测试实业有限公司",
                "fundId", fund, "amount", 100000, "receivedOn", LocalDate.ofInstant(clock.instant(), clock.getZone())
                        .toString(), "channel", "BANK_TRANSFER"));
        for (String stage : List.of("requested", "approved", "batched", "paid")) {
            Map<String, Object> order = new LinkedHashMap<>();
            order.put("fundId", fund);
            order.put("purpose", "HARDSHIP");
            order.put("payeeName", "林阿强");
            order.put("amount", 100);
            order.put("description", "走访慰问");
            order.put("justification", "走访发现家庭困难");
            order.put("payeeBankName", "泉州银行泉港支行");
            order.put("payeeAccountNumber", ACCOUNT);
            long id = call("city-staff", "/api/v1/payment-orders", order);
            if (!stage.equals("requested")) {
                call("finance-reviewer", "/api/v1/payment-orders/" + id + "/approval", Map.of());
            }
            if (stage.equals("batched") || stage.equals("paid")) {
                call("cashier", "/api/v1/payment-orders/batches", Map.of("orderIds", List.of(id)));
            }
            if (stage.equals("paid")) {
                call("cashier", "/api/v1/payment-orders/" + id + "/payment", Map.of("bankReference", unique("B")));
            }
            orderAt.put(stage, id);
        }
    }

    private void ownRecords(List<Operation> operations) throws Exception {
        for (int pass = 0; pass < 3; pass++) {
            for (Operation operation : operations) {
                if (operation.method() != HttpMethod.POST || operation.body() == null
                        || !CREATES.matcher(operation.path()).matches()) {
                    continue;
                }
                String collection = operation.path().substring(operation.path().lastIndexOf('/') + 1);
                if (own.containsKey(collection)) {
                    continue;
                }
                Map<String, Object> body = plausibleBody(operation);
                String url = fill(operation, true);
                if (url == null) {
                    continue;
                }
                MockHttpServletResponse response = quiet.perform(request(operation.method(), uri(url))
                        .with(user(operation.path().equals("/api/v1/payment-orders") ? "city-staff"
                                : userFor(operation, 0))).contentType(MediaType.APPLICATION_JSON)
                        .content(json(body))).andReturn().getResponse();
                if (response.getStatus() < 300 && response.getContentAsString().startsWith("{")) {
                    Object id = JsonPath.parse(response.getContentAsString(StandardCharsets.UTF_8)).read("$.id");
                    if (id instanceof Number number) {
                        own.put(collection, number.longValue());
                    }
                } else if (pass == 2) {
                    System.out.println("Battery record not made by " + operation + ": " + response.getStatus() + " "
                            + abbreviate(response.getContentAsString(StandardCharsets.UTF_8)));
                }
            }
        }
    }

    private Map<String, Object> deed() {
        Map<String, Object> deed = new LinkedHashMap<>();
        deed.put("regionCode", "350582");
        deed.put("category", "RESCUE");
        deed.put("source", "NOMINATION");
        deed.put("nominatorKind", "BENEFICIARY_PERSON");
        deed.put("occurredAt", clock.nowToTheMinute().minusDays(3).toString());
        deed.put("participants", List.of(Map.of("role", "ACTOR", "name", unique("施"), "harm", "NONE"),
                Map.of("role", "BENEFICIARY", "name", unique("落水儿童"))));
        deed.put("notADuplicate", true);
        deed.put("address", "晋江市安海镇安平桥下");
        deed.put("title", "跳入河中救起落水儿童");
        deed.put("narrative", "傍晚一名儿童落水，有人跳入河中将其救起。");
        return deed;
    }

    /** The URL with the battery's own records (or a year, a category, a day of its own); null if it has none. */
    private String fill(Operation operation, boolean ownOnly) {
        String url = operation.path();
        for (Map.Entry<String, Map<String, Object>> variable : operation.pathVariables().entrySet()) {
            String value = firstValue(operation, variable.getKey(), variable.getValue());
            if (value == null) {
                if (ownOnly) {
                    return null;
                }
                value = String.valueOf(MISSING);
            }
            url = url.replace("{" + variable.getKey() + "}", value);
        }
        return url;
    }

    @SuppressWarnings("unchecked")
    private String firstValue(Operation operation, String name, Map<String, Object> schema) {
        switch (kind(schema)) {
            case "enum":
                return String.valueOf(((List<Object>) schema.get("enum")).get(0));
            case "date":
                return "2099-06-15";
            default:
                if (name.toLowerCase(Locale.ROOT).contains("year")) {
                    return "2099";
                }
                if (!"integer".equals(kind(schema))) {
                    return "2099-06-15";
                }
                String before = operation.path().substring(0, operation.path().indexOf("{" + name + "}") - 1);
                String segment = before.substring(before.lastIndexOf('/') + 1);
                Long id = own.get(segment);
                if (name.equals("id") && segment.equals("deeds") && !deedAt.isEmpty()) {
                    id = deedAt.get(deedStage(operation.path()));
                }
                if (name.equals("id") && segment.equals("honours") && !honourAt.isEmpty()) {
                    String step = operation.path().replaceFirst("^/api/v1/honours/\\{id}/?", "");
                    id = honourAt.get(step.equals("revocation") ? "granted" : step.equals("grant") ? "approved"
                            : "proposed");
                }
                if (name.equals("id") && segment.equals("payment-orders") && !orderAt.isEmpty()) {
                    id = orderAt.get(orderStage(operation.path()));
                }
                if (id == null && name.equals("id") && operation.shared()) {
                    id = sharedRecord(segment);
                }
                return id == null ? null : String.valueOf(id);
        }
    }

    private Long sharedRecord(String segment) {
        if (segment.equals("titles")) {
            return jdbc.sql("select min(id) from title").query(Long.class).optional().orElse(null);
        }
        return null;
    }

    private List<String> badPathValues(String name, Map<String, Object> schema) {
        String kind = kind(schema);
        if (kind.equals("integer") && !name.toLowerCase(Locale.ROOT).contains("year")) {
            return List.of(String.valueOf(MISSING), "abc", "-1", "99999999999999999999");
        }
        if (name.toLowerCase(Locale.ROOT).contains("year")) {
            return List.of("0", "99999", "abc");
        }
        if (kind.equals("enum")) {
            return List.of("NO_SUCH_VALUE", "0", "x\u0000y");
        }
        return List.of("2026-13-45", "abc", "0001-01-01");
    }

    // ---------------------------------------------------------------- sending

    private String userFor(Operation operation, int which) {
        String path = operation.path();
        String[] pair;
        if (path.matches("/api/v1/payment-orders(/\\{id}/(payment-method|acknowledgement|cancellation))?")) {
            pair = new String[] {"city-staff", "finance-reviewer"};
        } else if (path.matches("/api/v1/payment-orders/(batches|\\{id}/(payment|failure|return|reissue))")) {
            pair = new String[] {"cashier", "finance-reviewer"};
        } else if (path.startsWith("/api/v1/payment-orders")) {
            pair = new String[] {"finance-reviewer", "cashier"};
        } else if (path.endsWith("/conflict") || path.endsWith("/scores")) {
            pair = new String[] {"committee-1", "city-staff"};
        } else if (path.endsWith("/opening-balance") || path.endsWith("/reversal")) {
            pair = new String[] {"finance-reviewer", "city-staff"};
        } else if (path.startsWith("/api/v1/funds") || path.startsWith("/api/v1/donations")) {
            pair = new String[] {"city-staff", "finance-reviewer"};
        } else if (path.startsWith("/api/v1/organizations") || path.startsWith("/api/v1/calendar-days")) {
            pair = new String[] {"sysadmin", "city-staff"};
        } else if (path.startsWith("/api/v1/deeds")) {
            pair = path.equals("/api/v1/deeds") ? new String[] {"jinjiang-staff", "jinjiang-police"}
                    : path.endsWith("/outcome") ? new String[] {"city-police", "jinjiang-police"}
                    : new String[] {"jinjiang-police", "jinjiang-staff"};
        } else {
            pair = new String[] {"city-staff", "city-police"};
        }
        return pair[which];
    }

    private RequestPostProcessor user(String name) {
        return users.computeIfAbsent(name, this::as);
    }

    private void send(Operation operation, String variant,
            org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<?> request, String username)
            throws Exception {
        if (username.startsWith("Bearer ")) {
            request.header("Authorization", username);
        } else {
            request.with(user(username));
        }
        MockHttpServletResponse response = quiet.perform(request.locale(Locale.SIMPLIFIED_CHINESE))
                .andReturn().getResponse();
        sent++;
        int status = response.getStatus();
        statuses.merge(status, 1, Integer::sum);
        byOperation.computeIfAbsent(operation.toString(), key -> new TreeMap<>()).merge(status, 1, Integer::sum);
        String type = response.getContentType();
        String content = response.getContentAsString(StandardCharsets.UTF_8);
        String problem = null;
        if (status >= 500) {
            problem = "answered " + status;
        } else if (status < 300 && operation.shared()) {
            problem = "changed shared data (" + status + ")";
        } else if (status >= 400 && (type == null || !MediaType.APPLICATION_PROBLEM_JSON
                .isCompatibleWith(MediaType.parseMediaType(type)))) {
            problem = "answered " + status + " as " + type;
        } else if (STACK_TRACE.matcher(content).find()) {
            problem = "answered with a stack trace";
        }
        if (problem != null) {
            String kind = operation + " " + variant.replaceAll("=.*", "") + ": " + problem;
            if (failureKinds.add(kind)) {
                failures.add(kind + " [" + describe(variant) + " at " + currentUrl + " as " + username + "] "
                        + abbreviate(content));
            }
        }
    }

    private String currentUrl;

    private java.net.URI uri(String url) {
        currentUrl = url;
        return java.net.URI.create(url);
    }

    private MockHttpServletRequestBuilder json(Operation operation, String url, String body) {
        return request(operation.method(), uri(url)).contentType(MediaType.APPLICATION_JSON)
                .content(body.getBytes(StandardCharsets.UTF_8));
    }

    private void battery(Operation operation) throws Exception {
        if (operation.multipart()) {
            multipartBattery(operation);
            return;
        }
        boolean shared = operation.shared();
        String primary = fill(operation, false);
        List<String> urls = new ArrayList<>();
        urls.add(primary);
        for (Map.Entry<String, Map<String, Object>> variable : operation.pathVariables().entrySet()) {
            for (String bad : badPathValues(variable.getKey(), variable.getValue())) {
                String url = primary;
                String good = firstValue(operation, variable.getKey(), variable.getValue());
                String template = operation.path();
                for (Map.Entry<String, Map<String, Object>> other : operation.pathVariables().entrySet()) {
                    String value = other.getKey().equals(variable.getKey()) ? bad
                            : firstValue(operation, other.getKey(), other.getValue());
                    template = template.replace("{" + other.getKey() + "}",
                            value == null ? String.valueOf(MISSING) : encode(value));
                }
                url = template;
                if (!url.equals(primary) && !(good != null && bad.equals(good))) {
                    urls.add(url);
                }
            }
        }
        Map<String, Object> base = operation.body() == null ? null : plausibleBody(operation);
        boolean ownRecord = operation.pathVariables().isEmpty() || fill(operation, true) != null;
        boolean usesSharedRecord = shared && operation.pathVariables().containsKey("id");
        String username = userFor(operation, 0);
        String second = userFor(operation, 1);
        for (String url : urls) {
            boolean atPrimary = url.equals(primary);
            if (operation.body() == null) {
                if (!atPrimary || ownRecord || !usesSharedRecord) {
                    send(operation, "no body", request(operation.method(), uri(url)), username);
                    send(operation, "json body", json(operation, url, "{\"x\": \"\\u0000\"}"), username);
                    send(operation, "text body", request(operation.method(), uri(url))
                            .contentType(MediaType.TEXT_PLAIN).content("\u0000"), second);
                }
                continue;
            }
            if (!atPrimary) {
                // a bad record in the path: the plausible body and a broken one
                send(operation, "path", json(operation, url, json(base)), username);
                send(operation, "path, body={", json(operation, url, "{"), username);
                continue;
            }
            for (String broken : List.of("{", "{\"a\":", "", "[]", "[{}]", "\"text\"", "42", "true",
                    "{\"x\": 1, \"x\": 2", "{\"a\": [" + "[".repeat(3000) + "]".repeat(3000) + "]}",
                    "\u0000")) {
                send(operation, "body=" + broken, json(operation, url, broken), username);
            }
            if (!shared) {
                // only unknown fields: the same as {}, which shared data is not sent
                send(operation, "body with a lone surrogate", json(operation, url, "{\"a\": \"\\ud800\"}"), username);
            }
            send(operation, "invalid UTF-8", request(operation.method(), uri(url)).contentType(MediaType.APPLICATION_JSON)
                    .content(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}),
                    username);
            if (!shared) {
                send(operation, "body {}", json(operation, url, "{}"), username);
                send(operation, "body null", json(operation, url, "null"), username);
                send(operation, "json with charset", request(operation.method(), uri(url))
                        .contentType("application/json;charset=klingon").content(json(base)), username);
            }
            for (String caller : List.of(username, token)) {
                send(operation, "text/plain", request(operation.method(), uri(url)).contentType(MediaType.TEXT_PLAIN)
                        .content(json(base)), caller);
                send(operation, "no content type", request(operation.method(), uri(url)).content(json(base)), caller);
                send(operation, "xml", request(operation.method(), uri(url)).contentType(MediaType.APPLICATION_XML)
                        .content("<a/>"), caller);
                send(operation, "form", request(operation.method(), uri(url))
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("a=b&c=%00"), caller);
                send(operation, "multipart", multipart(operation.method(), uri(url))
                        .file(new MockMultipartFile("file", "a.txt", "text/plain", "x".getBytes())), caller);
            }
            send(operation, "json, wrong method", request(HttpMethod.PATCH, uri(url))
                    .contentType(MediaType.APPLICATION_JSON).content(json(base)), token);
            send(operation, "body=[] (second user)", json(operation, url, "[]"), second);
            send(operation, "body={ (second user)", json(operation, url, "{"), second);
            for (String header : operation.headers()) {
                for (String value : List.of("x".repeat(100_000), "   ", "", "键" + unique("k"), "\t")) {
                    send(operation, "header " + header, json(operation, url, json(plausibleBody(operation)))
                            .header(header, value), username);
                }
                String same = unique("same");
                send(operation, "header " + header + " again", json(operation, url, json(plausibleBody(operation)))
                        .header(header, same), username);
                send(operation, "header " + header + " again", json(operation, url, "{}").header(header, same),
                        username);
            }
            fieldBattery(operation, url, base, username, shared);
        }
    }

    /**
     * Each field in turn gets its bad values on top of the plausible body: first every value that must be
     * refused, then those that may be taken (a blank for an optional field), which may move the record on.
     */
    @SuppressWarnings("unchecked")
    private void fieldBattery(Operation operation, String url, Map<String, Object> base, String username,
            boolean shared) throws Exception {
        List<Map.Entry<String, String>> refused = new ArrayList<>();
        List<Map.Entry<String, String>> maybe = new ArrayList<>();
        Map<String, Object> schema = resolve(operation.body());
        Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
        for (Map.Entry<String, Object> property : properties.entrySet()) {
            Map<String, Object> field = resolve((Map<String, Object>) property.getValue());
            List<List<Object>> values = badValues(property.getKey(), field, shared);
            for (int i = 0; i < 2; i++) {
                for (Object bad : values.get(i)) {
                    Map<String, Object> body = new LinkedHashMap<>(base);
                    body.put(property.getKey(), bad);
                    (i == 0 ? refused : maybe).add(Map.entry(property.getKey() + "=" + describe(bad), json(body)));
                }
            }
            // one level down: the fields of a nested object or of the first item of a list
            Map<String, Object> nested = null;
            boolean inList = false;
            if ("object".equals(kind(field))) {
                nested = field;
            } else if ("array".equals(kind(field))) {
                Map<String, Object> items = resolve((Map<String, Object>) field.getOrDefault("items", Map.of()));
                if ("object".equals(kind(items))) {
                    nested = items;
                    inList = true;
                }
            }
            Object plausibleValue = base.get(property.getKey());
            if (nested == null || plausibleValue == null) {
                continue;
            }
            Map<String, Object> inner = (Map<String, Object>) (inList
                    ? ((List<Object>) plausibleValue).isEmpty() ? null : ((List<Object>) plausibleValue).get(0)
                    : plausibleValue);
            if (inner == null) {
                continue;
            }
            for (Map.Entry<String, Object> sub : ((Map<String, Object>) nested.getOrDefault("properties", Map.of()))
                    .entrySet()) {
                List<List<Object>> values2 = badValues(sub.getKey(), resolve((Map<String, Object>) sub.getValue()),
                        shared);
                for (int i = 0; i < 2; i++) {
                    for (Object bad : values2.get(i)) {
                        Map<String, Object> changed = new LinkedHashMap<>(inner);
                        changed.put(sub.getKey(), bad);
                        Map<String, Object> body = new LinkedHashMap<>(base);
                        body.put(property.getKey(), inList ? List.of(changed) : changed);
                        (i == 0 ? refused : maybe).add(Map.entry(property.getKey() + "." + sub.getKey() + "="
                                + describe(bad), json(body)));
                    }
                }
            }
        }
        for (List<Map.Entry<String, String>> variants : List.of(refused, maybe)) {
            for (Map.Entry<String, String> variant : variants) {
                send(operation, variant.getKey(), json(operation, url, variant.getValue()), username);
            }
        }
    }

    /** The bad values for a field of this schema; for shared data only those that must be refused. */
    private List<List<Object>> badValues(String name, Map<String, Object> schema, boolean shared) {
        List<Object> refused = new ArrayList<>();
        List<Object> maybe = new ArrayList<>();
        maybe.add(null);
        refused.add(Map.of("nested", 1));
        switch (kind(schema)) {
            case "enum" -> {
                refused.addAll(List.of("NO_SUCH_VALUE", "\u0000"));
                maybe.addAll(List.of(0, "", "rescue"));
            }
            case "date" -> {
                refused.addAll(List.of("0001-01-01", "9999-12-31", "not-a-date", "2026-02-30", "+20260-01-01",
                        new Raw("20261120")));
                maybe.add("   ");
            }
            case "date-time" -> {
                refused.addAll(List.of("0001-01-01T00:00:00", "9999-12-31T23:59:59", "not-a-date",
                        "2026-02-30T10:00:00", new Raw("1e20")));
                maybe.addAll(List.of("2026-11-18", "2026-11-18T10:00:00+08:00"));
            }
            case "integer" -> {
                refused.addAll(List.of(new Raw("1e20"), "NaN", new Raw("99999999999999999999999")));
                maybe.addAll(List.of(-1, 0, new Raw("0.001"), new Raw("2147483648"), ""));
            }
            case "number" -> {
                refused.addAll(List.of(new Raw("1e20"), "NaN", new Raw("1e400"), new Raw("0.001")));
                maybe.addAll(List.of(-1, 0, new Raw("1e-20"), "12.5"));
            }
            case "boolean" -> {
                refused.addAll(List.of("maybe", new Raw("[true]")));
                maybe.addAll(List.of(2, ""));
            }
            case "array" -> {
                refused.addAll(List.of("x", new Raw("[" + "1,".repeat(5000) + "1]")));
                maybe.addAll(List.of(List.of(), new Raw("[null]"), new Raw("[\"\\u0000\"]")));
            }
            case "object" -> {
                maybe.addAll(List.of(Map.of(), new Raw("[]"), "x"));
                if (schema.get("properties") == null && schema.get("additionalProperties") != null) {
                    refused.addAll(List.of(Map.of("a\u0000b", 1), Map.of("k", new Raw("1e20")), Map.of("k", "NaN")));
                    maybe.addAll(List.of(Map.of(HUGE, 100), Map.of("k", -1), Map.of("k", new Raw("null")),
                            Map.of("   ", 100)));
                }
            }
            default -> {
                refused.addAll(List.of("a\u0000b", "\u0007\u001b[31m", HUGE));
                maybe.addAll(List.of("   ", 123, new Raw("[\"x\"]"), "\uD83D\uDE00".repeat(300), "9".repeat(40)));
            }
        }
        return List.of(refused, shared ? List.of() : maybe);
    }

    private void multipartBattery(Operation operation) throws Exception {
        String url = fill(operation, false);
        long samaritan = own.getOrDefault("samaritans", MISSING);
        // a form upload needs the CSRF token of a page; a token call needs none and reaches the controller
        for (String username : List.of(token, userFor(operation, 0))) {
            send(operation, "json to multipart", json(operation, url, "{}"), username);
            send(operation, "json to multipart, token", json(operation, url, "{}"), token);
            send(operation, "empty multipart", multipart(operation.method(), uri(url)), username);
            for (String[] owner : new String[][] {{"Samaritan", String.valueOf(samaritan)}, {"Samaritan", "abc"},
                    {"NoSuchOwner", "1"}, {"Samaritan", "99999999999999999999"}, {"\u0000", "1"},
                    {"Samaritan", String.valueOf(MISSING)}, {"", ""}}) {
                for (MockMultipartFile file : List.of(
                        new MockMultipartFile("file", "a.png", "image/png", new byte[0]),
                        new MockMultipartFile("file", "a\u0000.png", "image/png", "x".getBytes()),
                        new MockMultipartFile("file", "", "application/octet-stream", "x".getBytes()),
                        new MockMultipartFile("file", "a.exe", "image/png", "MZ\u0090\u0000".getBytes()),
                        new MockMultipartFile("other", "a.png", "image/png", "x".getBytes()))) {
                    send(operation, "multipart " + owner[0] + " " + file.getOriginalFilename(),
                            multipart(operation.method(), uri(url)).file(file).param("ownerType", owner[0])
                                    .param("ownerId", owner[1]),
                            username);
                }
            }
        }
    }

    // ---------------------------------------------------------------- JSON

    private static String json(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Raw raw) {
            out.append(raw.json());
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                write(out, String.valueOf(entry.getKey()));
                out.append(':');
                write(out, entry.getValue());
            }
            out.append('}');
        } else if (value instanceof Collection<?> list) {
            out.append('[');
            boolean first = true;
            for (Object item : list) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                write(out, item);
            }
            out.append(']');
        } else {
            String text = value.toString();
            out.append('"');
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            out.append('"');
        }
    }

    private static String describe(Object value) {
        String text = value instanceof Raw raw ? raw.json() : String.valueOf(value);
        return text.length() > 30 ? text.substring(0, 30) + "…(" + text.length() + ")" : text;
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
