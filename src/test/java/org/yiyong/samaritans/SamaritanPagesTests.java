package org.yiyong.samaritans;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.yiyong.FullStackTest;
import org.yiyong.shared.ResidentId;

/** The registry pages: entering an earlier record, the profile with masked numbers, showing one in full. */
class SamaritanPagesTests extends FullStackTest {

    @Test
    void staff_enter_an_earlier_record_and_see_it_masked_until_they_give_a_reason() throws Exception {
        String name = unique("傅");
        String number = ResidentId.withCheckDigit("35058219681111" + "462");
        mvc.perform(post("/samaritans/new").with(as("jinjiang-staff")).with(csrf())
                        .param("regionCode", "350582").param("name", name).param("residentId", number.substring(0, 17) + "0")
                        .param("sourceDocument", "晋江市 2010 年表彰决定"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is-invalid")))
                .andExpect(content().string(containsString("有几处内容需要修改")));
        String location = mvc.perform(post("/samaritans/new").with(as("jinjiang-staff")).with(csrf())
                        .param("regionCode", "350582").param("name", name).param("residentId", number)
                        .param("sourceDocument", "晋江市 2010 年表彰决定").param("address", "<script>alert(1)</script>"))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();

        mvc.perform(get(location).with(as("jinjiang-staff")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(name)))
                .andExpect(content().string(containsString("350582********" + number.substring(14))))
                .andExpect(content().string(not(containsString(number))))
                .andExpect(content().string(containsString("&lt;script&gt;")));
        mvc.perform(post(location + "/unmask").with(as("jinjiang-staff")).with(csrf())
                        .param("field", "RESIDENT_ID").param("reason", "核对慰问名单"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(number)));

        mvc.perform(get("/samaritans").param("q", name).with(as("jinjiang-staff")))
                .andExpect(content().string(containsString(name)));
        mvc.perform(get("/samaritans").with(as("investigator-jinjiang"))).andExpect(status().isForbidden());
        mvc.perform(get("/").with(as("jinjiang-staff")))
                .andExpect(content().string(containsString("id=\"count-samaritans\"")))
                .andExpect(content().string(containsString("id=\"card-award-issues\"")));
        mvc.perform(get("/").with(as("investigator-jinjiang")))
                .andExpect(content().string(not(containsString("id=\"count-samaritans\""))));
        mvc.perform(get(location).with(as("nanan-staff"))).andExpect(status().isNotFound());
    }

    @Test
    void the_registration_form_does_not_name_a_record_of_another_county() throws Exception {
        String number = uniqueResidentId("35058319830305");
        String location = mvc.perform(post("/samaritans/new").with(as("nanan-staff")).with(csrf())
                        .param("regionCode", "350583").param("name", unique("黄")).param("residentId", number)
                        .param("sourceDocument", "南安市 2011 年表彰决定"))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        String nananNumber = jdbc.sql("select number from samaritan where id = :id")
                .param("id", Long.parseLong(location.substring(location.lastIndexOf('/') + 1)))
                .query(String.class).single();

        mvc.perform(post("/samaritans/new").with(as("jinjiang-staff")).with(csrf())
                        .param("regionCode", "350582").param("name", unique("黄")).param("residentId", number)
                        .param("sourceDocument", "晋江市 2011 年表彰决定"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已在其他县（市、区）的见义勇为人员库中登记")))
                .andExpect(content().string(not(containsString(nananNumber))));
    }
}
