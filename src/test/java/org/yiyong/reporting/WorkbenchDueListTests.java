package org.yiyong.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yiyong.FullStackTest;

/**
 * The page after sign-in lists the deeds near or past their deadline, but not all of a province's: the twenty due
 * first, how many there are in all, and the way to every overdue deed.
 */
class WorkbenchDueListTests extends FullStackTest {

    private static final Pattern DUE_ROW = Pattern.compile("<tr class=\"table-(danger|warning)\">");

    @Test
    void the_workbench_lists_the_twenty_deeds_due_first_and_says_how_many_there_are() throws Exception {
        String tag = unique("超期列表");
        try {
            for (int i = 0; i < 25; i++) {
                jdbc.sql("""
                        insert into deed (number, region_code, category, source, status, occurred_at, address, title,
                            narrative, received_on, accepted_on, created_by, created_at, updated_at)
                        values (:number, '350582', 'RESCUE', 'SELF_APPLICATION', 'ACCEPTED', :occurred, '晋江', :title,
                            '经过', :received, :accepted, 'jinjiang-staff', :now, :now)""")
                        .param("number", tag + "-" + i).param("title", tag)
                        .param("occurred", clock.today().minusDays(200 + i).atStartOfDay())
                        .param("received", clock.today().minusDays(190 + i))
                        .param("accepted", clock.today().minusDays(180 + i))
                        .param("now", java.sql.Timestamp.from(clock.instant())).update();
            }
            String page = mvc.perform(get("/").with(as("jinjiang-staff"))).andExpect(status().isOk()).andReturn()
                    .getResponse().getContentAsString(StandardCharsets.UTF_8);
            String due = page.substring(page.indexOf("id=\"due-deeds\""));
            due = due.substring(0, due.indexOf("</table>"));
            int rows = 0;
            for (Matcher row = DUE_ROW.matcher(due); row.find(); ) {
                rows++;
            }
            assertThat(rows).isEqualTo(20);
            assertThat(page).contains("id=\"due-more\"", "/deeds?overdue=true");
            // the earliest due first: the oldest of these is listed, the newest is not
            assertThat(due).contains(tag + "-24").doesNotContain(tag + "-0<");
        } finally {
            jdbc.sql("delete from deed where title = :tag").param("tag", tag).update();
        }
    }
}
