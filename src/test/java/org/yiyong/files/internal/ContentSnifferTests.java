package org.yiyong.files.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yiyong.files.internal.ContentSniffer.FileKind;
import org.yiyong.shared.InvalidField;

class ContentSnifferTests {

    private final ContentSniffer sniffer = new ContentSniffer();

    @TempDir
    Path dir;

    @Test
    void a_pdf_is_recognised_by_its_header() throws IOException {
        assertThat(detect("report.pdf", ascii("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj"))).isEqualTo(FileKind.PDF);
    }

    @Test
    void pictures_are_recognised_by_their_headers() throws IOException {
        assertThat(detect("a.png", bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D',
                'R'))).isEqualTo(FileKind.PNG);
        assertThat(detect("a.jpg", bytes(0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0)))
                .isEqualTo(FileKind.JPEG);
        assertThat(detect("a.gif", ascii("GIF89a\u0001\u0000\u0001\u0000"))).isEqualTo(FileKind.GIF);
        assertThat(detect("a.webp", ascii("RIFF\u0024\u0000\u0000\u0000WEBPVP8 "))).isEqualTo(FileKind.WEBP);
        assertThat(detect("IMG_0001.HEIC", isoMedia("heic"))).isEqualTo(FileKind.HEIC);
    }

    @Test
    void videos_are_recognised_by_their_ftyp_box() throws IOException {
        assertThat(detect("clip.mp4", isoMedia("isom"))).isEqualTo(FileKind.MP4);
        assertThat(detect("clip.mp4", isoMedia("mp42"))).isEqualTo(FileKind.MP4);
        assertThat(detect("IMG_0002.MOV", isoMedia("qt  "))).isEqualTo(FileKind.QUICKTIME);
    }

    @Test
    void a_png_renamed_to_pdf_is_stored_as_png() throws IOException {
        assertThat(detect("photo.pdf", bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0)))
                .isEqualTo(FileKind.PNG);
    }

    @Test
    void a_text_file_renamed_to_pdf_is_refused() {
        assertRefused("a.pdf", "这不是 PDF，只是一段文字。".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void web_pages_pictures_drawn_in_svg_and_programs_are_refused() {
        assertRefused("page.pdf", ascii("<!DOCTYPE html><html><script>alert(1)</script></html>"));
        assertRefused("logo.png", ascii("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"));
        assertRefused("setup.docx", bytes('M', 'Z', 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00));
        assertRefused("run.jpg", ascii("#!/bin/sh\nrm -rf /\n"));
    }

    @Test
    void an_empty_file_is_refused() {
        assertRefused("empty.pdf", new byte[0]);
    }

    @Test
    void a_file_shorter_than_a_header_is_refused() {
        assertRefused("short.jpg", bytes(0xFF, 0xD8));
    }

    @Test
    void a_zip_without_office_parts_is_refused() throws IOException {
        assertRefused("archive.docx", zip("readme.txt", "notes/today.txt"));
    }

    @Test
    void a_zip_with_office_folders_but_no_content_types_is_refused() throws IOException {
        assertRefused("fake.docx", zip("word/document.xml"));
    }

    @Test
    void a_broken_zip_is_refused() {
        assertRefused("broken.xlsx", bytes('P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, 1, 2, 3, 4));
    }

    @Test
    void office_open_xml_documents_are_told_apart_by_their_top_folder() throws IOException {
        assertThat(detect("申报表.docx", zip("[Content_Types].xml", "_rels/.rels", "word/document.xml",
                "word/embeddings/Microsoft_Excel_Worksheet.xlsx", "docProps/core.xml"))).isEqualTo(FileKind.DOCX);
        assertThat(detect("统计.xlsx", zip("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml",
                "xl/worksheets/sheet1.xml"))).isEqualTo(FileKind.XLSX);
        assertThat(detect("汇报.pptx", zip("[Content_Types].xml", "_rels/.rels", "ppt/presentation.xml")))
                .isEqualTo(FileKind.PPTX);
    }

    @Test
    void a_docx_is_recognised_whatever_it_is_called() throws IOException {
        assertThat(detect("scan.pdf", zip("[Content_Types].xml", "word/document.xml"))).isEqualTo(FileKind.DOCX);
    }

    @Test
    void an_office_document_with_macros_is_refused() throws IOException {
        assertRefused("invoice.docx", zip("[Content_Types].xml", "word/document.xml", "word/vbaProject.bin"));
        assertRefused("budget.xlsm", zip("[Content_Types].xml", "xl/workbook.xml", "xl/vbaProject.bin"));
    }

    @Test
    void legacy_word_and_excel_files_are_told_apart_by_their_main_stream() throws IOException {
        assertThat(detect("通知.doc", ole2("WordDocument", "1Table"))).isEqualTo(FileKind.DOC);
        assertThat(detect("名册.xls", ole2("Workbook"))).isEqualTo(FileKind.XLS);
        assertThat(detect("汇报.ppt", ole2("PowerPoint Document", "Current User"))).isEqualTo(FileKind.PPT);
    }

    @Test
    void an_ole2_file_that_is_not_a_document_is_refused() throws IOException {
        assertRefused("setup.doc", ole2("\u4840\u3f3f\u4477"));
    }

    @Test
    void a_legacy_document_with_macros_is_refused() throws IOException {
        assertRefused("letter.doc", ole2("WordDocument", "Macros"));
        assertRefused("sheet.xls", ole2("Workbook", "_VBA_PROJECT_CUR"));
    }

    @Test
    void a_kind_knows_which_names_agree_with_it() {
        assertThat(FileKind.JPEG.matchesName("IMG_0001.JPG")).isTrue();
        assertThat(FileKind.PNG.matchesName("photo.pdf")).isFalse();
        assertThat(FileKind.PDF.matchesName("no-extension")).isFalse();
        assertThat(FileKind.ofMediaType("video/quicktime")).contains(FileKind.QUICKTIME);
    }

    private FileKind detect(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return sniffer.detect(file);
    }

    private void assertRefused(String name, byte[] content) {
        assertThatThrownBy(() -> detect(name, content))
                .isInstanceOfSatisfying(InvalidField.class, refused -> {
                    assertThat(refused.field()).isEqualTo("file");
                    assertThat(refused.messageKey()).isEqualTo("file.type.refused");
                });
    }

    private static byte[] isoMedia(String brand) {
        ByteBuffer box = ByteBuffer.allocate(24);
        box.putInt(24).put(ascii("ftyp")).put(ascii(brand)).putInt(0).put(ascii(brand)).put(ascii("isom"));
        return box.array();
    }

    private static byte[] zip(String... entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write(ascii("<x/>"));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /**
     * A minimal compound file: the 512-byte header, then one directory sector with the root entry and
     * one stream or storage entry per name (names containing "Macros" or "VBA" become storages).
     */
    private static byte[] ole2(String... names) {
        ByteBuffer file = ByteBuffer.allocate(512 * 3).order(ByteOrder.LITTLE_ENDIAN);
        file.put(bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1));
        file.putShort(0x18, (short) 0x3E).putShort(0x1A, (short) 3).putShort(0x1C, (short) 0xFFFE)
                .putShort(0x1E, (short) 9).putShort(0x20, (short) 6);
        directoryEntry(file, 512, "Root Entry", 5);
        for (int i = 0; i < names.length; i++) {
            boolean storage = names[i].contains("Macros") || names[i].contains("VBA");
            directoryEntry(file, 512 + 128 * (i + 1), names[i], storage ? 1 : 2);
        }
        return file.array();
    }

    private static void directoryEntry(ByteBuffer file, int offset, String name, int type) {
        byte[] utf16 = name.getBytes(StandardCharsets.UTF_16LE);
        for (int i = 0; i < utf16.length; i++) {
            file.put(offset + i, utf16[i]);
        }
        file.putShort(offset + 64, (short) (utf16.length + 2));
        file.put(offset + 66, (byte) type);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] bytes(int... values) {
        byte[] result = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (byte) values[i];
        }
        return result;
    }
}
