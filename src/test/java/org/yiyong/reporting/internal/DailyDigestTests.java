package org.yiyong.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yiyong.FullStackTest;
import org.yiyong.identity.CurrentUser;
import org.yiyong.identity.SignedIn;
import org.yiyong.reporting.ToDo;

/**
 * The morning digest reaches each person with tasks once a day, in their message centre and, when they
 * chose so, by e-mail or SMS — once per channel however often it runs — counting what is overdue, what falls
 * due within the warning days and what is new, and linking to the to-do list.
 */
class DailyDigestTests extends FullStackTest {

    @Autowired
    DailyDigest digest;

    @Autowired
    ToDo toDo;

    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService accounts;

    private List<Map<String, Object>> outbound(String username) {
        return jdbc.sql("select channel, address, subject, body from outbound_message where recipient = :u order by id")
                .param("u", username).query().listOfRows();
    }

    @Test
    void the_digest_reaches_a_person_with_tasks_once_a_day_and_opens_the_to_do_list() throws Exception {
        digest.send();
        digest.send();
        List<Map<String, Object>> mine = jdbc.sql("""
                select id, subject, link from notification where recipient = 'jinjiang-staff' and kind = 'digest'
                  and event_key = :k""").param("k", "digest:jinjiang-staff:" + clock.today()).query().listOfRows();
        assertThat(mine).hasSize(1);
        List<ToDo.Item> tasks = SignedIn.as(accounts.loadUserByUsername("jinjiang-staff"),
                (CurrentUser me) -> toDo.of(me));
        long overdue = tasks.stream().filter(ToDo.Item::overdue).count();
        assertThat(mine.get(0).get("subject").toString())
                .startsWith("今日待办 " + tasks.size() + " 项：逾期 " + overdue + " 项，3 天内到期 ");
        long id = ((Number) mine.get(0).get("id")).longValue();
        String badge = mvc.perform(get("/messages/unread").with(as("jinjiang-staff"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(badge).contains("id=\"message-count\"");
        mvc.perform(post("/messages/{id}/read", id).with(as("jinjiang-staff")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/tasks"));
        assertThat(jdbc.sql("select read_at from notification where id = :id").param("id", id).query().singleRow()
                .get("read_at")).isNotNull();
        // someone else cannot mark it, nor see it
        mvc.perform(get("/messages").with(as("nanan-staff"))).andExpect(status().isOk());
        assertThat(jdbc.sql("update notification set read_at = null where id = :id and recipient = 'nanan-staff'")
                .param("id", id).update()).isZero();
        assertThat(outbound("jinjiang-staff")).as("no contact chosen: nothing sent out").isEmpty();
    }

    @Test
    void who_chose_e_mail_and_sms_gets_the_digest_there_once_with_a_link_to_the_tasks() {
        String staff = staffOf("JJ-ASSOC", "COUNTY_STAFF");
        jdbc.sql("""
                update user_account set email = 'chenmeiling@jjjyyw.org.cn', mobile = '13905951234',
                       digest_by_email = true, digest_by_sms = true where username = :u""").param("u", staff).update();
        String quiet = staffOf("JJ-ASSOC", "COUNTY_STAFF");
        jdbc.sql("update user_account set email = 'lin@jjjyyw.org.cn' where username = :u").param("u", quiet).update();

        digest.send();
        digest.send();

        List<Map<String, Object>> sent = outbound(staff);
        assertThat(sent).extracting(row -> row.get("channel")).containsExactly("EMAIL", "SMS");
        assertThat(sent.get(0).get("address")).isEqualTo("chenmeiling@jjjyyw.org.cn");
        assertThat(sent.get(0).get("subject").toString()).startsWith("今日待办 ");
        assertThat(sent.get(0).get("body").toString()).contains("打开待办：http://localhost:8080/tasks");
        assertThat(sent.get(1).get("address")).isEqualTo("13905951234");
        assertThat(sent.get(1).get("body").toString()).startsWith("今日待办 ").endsWith("详见 http://localhost:8080/tasks");
        assertThat(outbound(quiet)).as("an address alone is not a wish for the digest").isEmpty();
    }
}
