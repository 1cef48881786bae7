package org.yiyong.funds;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.yiyong.FullStackTest;
import org.yiyong.funds.internal.Funds;

/** Funds tests work in a restricted sub-fund of their own, so that balances are theirs alone. */
abstract class FundsTestBase extends FullStackTest {

    protected ResultActions call(String user, String path, String body) throws Exception {
        return mvc.perform(post(path).with(as(user)).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    /**
     * A finance person of the 泉港 association made for the test by the administrators, holding the given
     * roles (as a small association may combine them), with no password change pending: the username.
     */
    protected String quangangUser(String username, String displayName, String... roles) throws Exception {
        mvc.perform(post("/users/new").with(as("sysadmin")).with(csrf()).param("username", username)
                        .param("displayName", displayName)
                        .param("organizationId", String.valueOf(organizationId("QG-ASSOC")))
                        .param("initialPassword", "Quangang@2026"))
                .andExpect(status().is3xxRedirection());
        long userId = jdbc.sql("select id from user_account where username = :u").param("u", username)
                .query(Long.class).single();
        long version = jdbc.sql("select version from user_account where id = :id").param("id", userId)
                .query(Long.class).single();
        mvc.perform(post("/users/{id}/roles", userId).with(as("secadmin")).with(csrf())
                        .param("roles", roles).param("version", String.valueOf(version)))
                .andExpect(status().is3xxRedirection());
        jdbc.sql("update user_account set password_change_required = false where id = :id").param("id", userId).update();
        return username;
    }

    protected long fundByCode(String code) {
        return jdbc.sql("select id from fund where code = :code").param("code", code).query(Long.class).single();
    }

    /** A new sub-fund of a general fund, restricted to a purpose. */
    protected long subFund(String parentCode, String purpose) throws Exception {
        String body = call("city-staff", "/api/v1/funds", """
                {"parentId": %d, "name": "%s", "restriction": "PURPOSE", "restrictedPurpose": "%s",
                 "restrictionNote": "测试用定向基金"}""".formatted(fundByCode(parentCode), "专项" + UUID.randomUUID(),
                purpose)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    protected long donate(String user, long fund, String amount) throws Exception {
        String body = call(user, "/api/v1/donations", """
                {"donorKind": "ENTERPRISE", "donorName": "泉州测试实业有限公司", "fundId": %d, "amount": %s,
                 "receivedOn": "%s", "channel": "BANK_TRANSFER"}""".formatted(fund, amount,
                java.time.LocalDate.now(clock)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    /** An order by hand to 林阿强, paid to the bank account given with the request. */
    protected long order(String user, long fund, String purpose, String amount) throws Exception {
        String body = call(user, "/api/v1/payment-orders", """
                {"fundId": %d, "purpose": "%s", "payeeName": "林阿强", "amount": %s, "description": "走访慰问",
                 "justification": "走访发现家庭困难，经会长办公会同意", "payeeBankName": "泉州银行泉港支行",
                 "payeeAccountNumber": "%s"}""".formatted(fund, purpose, amount, ACCOUNT))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    /** the account {@link #order} pays to */
    protected static final String ACCOUNT = "6214830591234567";

    /** Approved by the finance reviewer, batched and paid by the cashier. */
    protected ResultActions approveAndPay(long order, String reference) throws Exception {
        call("finance-reviewer", "/api/v1/payment-orders/" + order + "/approval", "{}").andExpect(status().isOk());
        call("cashier", "/api/v1/payment-orders/batches", "{\"orderIds\": [" + order + "]}")
                .andExpect(status().isCreated());
        return call("cashier", "/api/v1/payment-orders/" + order + "/payment",
                "{\"bankReference\": \"" + reference + "\"}");
    }

    protected BigDecimal balance(long fund) throws Exception {
        String body = mvc.perform(get("/api/v1/funds/{id}", fund).with(as("city-staff"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return new BigDecimal(JsonPath.read(body, "$.balance").toString());
    }
}
