package org.yiyong.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import org.yiyong.leads.internal.Lead;
import org.yiyong.web.PublicThrottleProperties;

/** The public lead form and status lookup: no sign-in, no personal data shown back, bad input refused. */
class PublicLeadFormTests extends LeadTestSupport {

    @Autowired
    PublicThrottleProperties limits;

    @Test
    void anyone_sends_a_lead_without_signing_in_and_gets_a_tracking_code() throws Exception {
        mvc.perform(get("/public/leads/new"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("提供见义勇为线索")))
                .andExpect(content().string(containsString("tabindex=\"-1\"")))
                .andExpect(content().string(containsString("南安市")));

        Map<String, String> fields = new HashMap<>(jinjiangLead("昨晚一名男子跳进安平桥下的河里救起落水的孩子。"));
        fields.put("reporterName", "陈秀英");
        fields.put("reporterPhone", "139 5951 2345");
        fields.put("peopleInvolved", "救人的是一位戴眼镜的中年男子");
        ResultActions sent = submit(freshAddress(), fields, photo("现场.jpg"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(content().string(containsString("请抄下或截图保存")));
        String code = trackingCode(sent);
        assertThat(code).matches("XS-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}");

        long id = leadId(code);
        assertThat(jdbc.sql("select status from lead where id = :id").param("id", id).query(String.class).single())
                .isEqualTo("NEW");
        assertThat(jdbc.sql("select reporter_phone from lead where id = :id").param("id", id).query(String.class)
                .single()).isEqualTo("13959512345");
        assertThat(jdbc.sql("select count(*) from attachment where owner_type = 'Lead' and owner_id = :id")
                .param("id", id).query(Long.class).single()).isEqualTo(1);
        assertThat(auditedActions("public", "Lead", id)).containsExactly("CREATE");

        // the code is shown in the answer itself: no session, no cookie, and a reload of the address shows no code
        assertThat(sent.andReturn().getResponse().getContentAsString()).contains(code);
        assertThat(sent.andReturn().getResponse().getHeaders("Set-Cookie")).isEmpty();
        mvc.perform(get("/public/leads/received")).andExpect(redirectedUrl("/public/leads/status"));
    }

    @Test
    void the_status_page_shows_where_the_lead_stands_and_nothing_personal() throws Exception {
        Map<String, String> fields = new HashMap<>(jinjiangLead("菜市场门口一位摊主拦下了抢包的人，独特叙述甲"));
        fields.put("reporterName", "王美华");
        fields.put("reporterPhone", "13859967890");
        fields.put("peopleInvolved", "摊主蔡明亮");
        String code = trackingCode(submit(freshAddress(), fields));

        mvc.perform(get("/public/leads/status").param("code", code.toLowerCase().replace("-", " ")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已收到")))
                .andExpect(content().string(containsString(today().toString())))
                .andExpect(content().string(not(containsString("王美华"))))
                .andExpect(content().string(not(containsString("13859967890"))))
                .andExpect(content().string(not(containsString("独特叙述甲"))))
                .andExpect(content().string(not(containsString("蔡明亮"))));

        mvc.perform(get("/public/leads/status").param("code", "XS-2222-2222"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("没有找到这个查询码对应的线索")));
        mvc.perform(get("/public/leads/status").param("code", "<script>"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("没有找到这个查询码对应的线索")))
                .andExpect(content().string(not(containsString("<script>"))));
    }

    @Test
    void missing_what_when_and_where_are_all_marked_at_once() throws Exception {
        long before = count("lead");
        submit(freshAddress(), Map.of("narrative", " ", "address", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("有几处内容需要修改")))
                .andExpect(content().string(containsString("此项必须填写。")))
                .andExpect(content().string(containsString("请选择事情发生在哪个县（市、区）。")))
                .andExpect(content().string(containsString("id=\"narrative\"")));
        assertThat(count("lead")).isEqualTo(before);
    }

    @Test
    void a_date_in_the_future_an_unknown_region_or_a_bad_phone_is_refused_at_the_field() throws Exception {
        long before = count("lead");
        Map<String, String> future = new HashMap<>(jinjiangLead("明天的事"));
        future.put("occurredOn", today().plusDays(1).toString());
        submit(freshAddress(), future)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("发生时间不能晚于现在")));

        Map<String, String> elsewhere = new HashMap<>(jinjiangLead("外地的事"));
        elsewhere.put("regionCode", "110101");
        submit(freshAddress(), elsewhere)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请从列表中选择泉州市的县（市、区）或功能区。")));

        Map<String, String> city = new HashMap<>(jinjiangLead("市级不是县级"));
        city.put("regionCode", "350500");
        submit(freshAddress(), city)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请从列表中选择泉州市的县（市、区）或功能区。")));

        Map<String, String> phone = new HashMap<>(jinjiangLead("电话不对"));
        phone.put("reporterPhone", "12345");
        submit(freshAddress(), phone)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("电话号码格式不对")));

        Map<String, String> garbled = new HashMap<>(jinjiangLead("日期乱写"));
        garbled.put("occurredOn", "上个礼拜");
        submit(freshAddress(), garbled)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("填写的内容格式不对")));

        Map<String, String> tooLong = new HashMap<>(jinjiangLead("长".repeat(5001)));
        submit(freshAddress(), tooLong)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("最多 5000 个字")));
        assertThat(count("lead")).isEqualTo(before);
    }

    @Test
    void a_file_that_is_not_a_photo_or_video_is_refused_and_nothing_is_saved() throws Exception {
        long leads = count("lead");
        long files = count("attachment");
        MockMultipartFile text = new MockMultipartFile("files", "照片.jpg", "image/jpeg",
                "这其实是一段文字".getBytes(StandardCharsets.UTF_8));
        submit(freshAddress(), jinjiangLead("附件是文字"), photo("好的.jpg"), text)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("“照片.jpg”不是照片或视频，没有收下。")));

        MockMultipartFile program = new MockMultipartFile("files", "setup.exe", "application/octet-stream",
                new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0});
        submit(freshAddress(), jinjiangLead("附件是程序"), program)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("“setup.exe”不是照片或视频")));

        MockMultipartFile pdf = new MockMultipartFile("files", "说明.pdf", "application/pdf",
                "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII));
        submit(freshAddress(), jinjiangLead("附件是PDF"), pdf)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("“说明.pdf”不是照片或视频")));

        MockMultipartFile[] six = new MockMultipartFile[6];
        for (int i = 0; i < six.length; i++) {
            six[i] = photo("照片" + i + ".jpg");
        }
        submit(freshAddress(), jinjiangLead("六张照片"), six)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("最多只能上传 5 个照片或视频")));

        assertThat(count("lead")).isEqualTo(leads);
        assertThat(count("attachment")).isEqualTo(files);
    }

    @Test
    void a_form_with_the_honeypot_filled_in_saves_nothing_and_is_audited() throws Exception {
        long leads = count("lead");
        long refusals = jdbc.sql("select count(*) from audit_entry where action = 'ACCESS_DENIED' and actor = 'public'"
                + " and entity_type = 'Lead'").query(Long.class).single();
        Map<String, String> fields = new HashMap<>(jinjiangLead("机器人填的"));
        fields.put("website", "http://spam.example");
        submit(freshAddress(), fields)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("线索已收到")))
                .andExpect(content().string(not(containsString("id=\"tracking-code\""))));
        assertThat(count("lead")).isEqualTo(leads);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'ACCESS_DENIED' and actor = 'public'"
                + " and entity_type = 'Lead'").query(Long.class).single()).isEqualTo(refusals + 1);
    }

    @Test
    void a_burst_from_one_address_is_refused_with_429_and_another_address_still_gets_through() throws Exception {
        String busy = freshAddress();
        for (int i = 0; i < limits.leadSubmissions(); i++) {
            assertThat(trackingCode(submit(busy, jinjiangLead("连续提交 " + i)))).isNotNull();
        }
        long leads = count("lead");
        submit(busy, jinjiangLead("超出的这一条"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().string(containsString("提交过于频繁，请稍后再试")));
        assertThat(count("lead")).isEqualTo(leads);

        assertThat(trackingCode(submit(freshAddress(), jinjiangLead("另一个地址")))).isNotNull();
    }

    @Test
    void status_lookups_are_throttled_too() throws Exception {
        String busy = freshAddress();
        for (int i = 0; i < limits.leadLookups(); i++) {
            mvc.perform(get("/public/leads/status").param("code", "XS-2222-2222").with(from(busy)))
                    .andExpect(status().isOk());
        }
        mvc.perform(get("/public/leads/status").param("code", "XS-2222-2222").with(from(busy)))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().string(containsString("查询过于频繁")));
        mvc.perform(get("/public/leads/status").with(from(busy))).andExpect(status().isOk());
    }

    @Test
    void the_public_notices_page_links_to_the_lead_form() throws Exception {
        mvc.perform(get("/public/notices"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/public/leads/new\"")));
    }
}
