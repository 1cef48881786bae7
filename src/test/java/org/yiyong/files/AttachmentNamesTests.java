package org.yiyong.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class AttachmentNamesTests {

    @Test
    void a_name_keeps_its_chinese_characters_and_loses_the_folder_some_browsers_send() {
        assertThat(Attachments.cleanName("C:\\Users\\张三\\Desktop\\申报表.pdf")).isEqualTo("申报表.pdf");
        assertThat(Attachments.cleanName("/home/li/材料 2024.docx")).isEqualTo("材料 2024.docx");
    }

    @Test
    void a_right_to_left_mark_cannot_disguise_the_extension() {
        assertThat(Attachments.cleanName("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
    }

    @Test
    void control_characters_and_blank_names_leave_nothing() {
        assertThat(Attachments.cleanName("a\r\nb.pdf")).isEqualTo("ab.pdf");
        assertThat(Attachments.cleanName("   ")).isEmpty();
        assertThat(Attachments.cleanName("..")).isEmpty();
        assertThat(Attachments.cleanName(null)).isEmpty();
    }

    @Test
    void a_long_name_is_cut_to_200_characters_keeping_its_extension() {
        String cut = Attachments.cleanName("报".repeat(300) + ".pdf");
        assertThat(cut).hasSize(200).endsWith("报.pdf");
    }

    @Test
    void a_png_renamed_to_pdf_is_downloaded_with_a_png_extension_added() {
        assertThat(Attachments.downloadName(attachment("photo.pdf", "image/png"))).isEqualTo("photo.pdf.png");
        assertThat(Attachments.downloadName(attachment("setup.exe", "application/pdf"))).isEqualTo("setup.exe.pdf");
    }

    @Test
    void a_name_that_agrees_with_its_content_is_downloaded_as_it_is() {
        assertThat(Attachments.downloadName(attachment("现场照片.JPG", "image/jpeg"))).isEqualTo("现场照片.JPG");
        assertThat(Attachments.downloadName(attachment("决定书.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))).isEqualTo("决定书.docx");
    }

    private static Attachment attachment(String name, String contentType) {
        return new Attachment(1, "Organization", 1, name, contentType, 10, "0".repeat(64), "someone",
                OffsetDateTime.parse("2024-06-01T10:00:00+08:00"));
    }
}
