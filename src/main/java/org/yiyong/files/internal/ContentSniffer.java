package org.yiyong.files.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.springframework.stereotype.Component;
import org.yiyong.shared.InvalidField;

/**
 * Tells what a file is from its content, never from its name: a renamed page, script or program is
 * refused whatever it is called. Only the kinds in {@link FileKind} are accepted; Office files that
 * carry macros are refused too, because macros are how most document-borne malware runs.
 */
@Component
public class ContentSniffer {

    /** The message key of every refusal. */
    public static final String REFUSED = "file.type.refused";

    private static final int HEAD = 16;
    private static final byte[] PDF = ascii("%PDF-");
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] GIF87 = ascii("GIF87a");
    private static final byte[] GIF89 = ascii("GIF89a");
    private static final byte[] RIFF = ascii("RIFF");
    private static final byte[] WEBP = ascii("WEBP");
    private static final byte[] FTYP = ascii("ftyp");
    private static final byte[] ZIP = {'P', 'K', 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1};
    private static final Set<String> HEIC_BRANDS = Set.of("heic", "heix", "hevc", "hevx", "heim", "heis", "mif1",
            "msf1");
    private static final Set<String> AVIF_BRANDS = Set.of("avif", "avis");

    /** What an accepted file is: its media type and the name extensions that agree with it. */
    public enum FileKind {
        PDF("application/pdf", "pdf"),
        PNG("image/png", "png"),
        JPEG("image/jpeg", "jpg", "jpeg", "jpe", "jfif"),
        GIF("image/gif", "gif"),
        WEBP("image/webp", "webp"),
        /** the default photo format of recent iPhones */
        HEIC("image/heic", "heic", "heif"),
        AVIF("image/avif", "avif"),
        MP4("video/mp4", "mp4", "m4v", "m4a", "3gp"),
        QUICKTIME("video/quicktime", "mov", "qt"),
        DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
        PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"),
        /** also WPS Office's own .wps, .et and .dps, which are the same compound files */
        DOC("application/msword", "doc", "dot", "wps"),
        XLS("application/vnd.ms-excel", "xls", "xlt", "et"),
        PPT("application/vnd.ms-powerpoint", "ppt", "pps", "dps");

        private final String mediaType;
        private final List<String> extensions;

        FileKind(String mediaType, String... extensions) {
            this.mediaType = mediaType;
            this.extensions = List.of(extensions);
        }

        public String mediaType() {
            return mediaType;
        }

        /** The usual extension, without the dot. */
        public String extension() {
            return extensions.get(0);
        }

        /** Whether a file name's extension (any case) agrees with this kind. */
        public boolean matchesName(String fileName) {
            int dot = fileName == null ? -1 : fileName.lastIndexOf('.');
            return dot >= 0 && extensions.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
        }

        public static Optional<FileKind> ofMediaType(String mediaType) {
            return Arrays.stream(values()).filter(kind -> kind.mediaType.equals(mediaType)).findFirst();
        }
    }

    /**
     * What the file is.
     *
     * @throws InvalidField on {@code file} with {@link #REFUSED} for anything not accepted, empty files
     *     included
     */
    public FileKind detect(Path file) {
        byte[] head = head(file);
        if (startsWith(head, 0, PDF)) {
            return FileKind.PDF;
        }
        if (startsWith(head, 0, PNG)) {
            return FileKind.PNG;
        }
        if (startsWith(head, 0, JPEG)) {
            return FileKind.JPEG;
        }
        if (startsWith(head, 0, GIF87) || startsWith(head, 0, GIF89)) {
            return FileKind.GIF;
        }
        if (startsWith(head, 0, RIFF) && startsWith(head, 8, WEBP)) {
            return FileKind.WEBP;
        }
        if (startsWith(head, 4, FTYP) && head.length >= 12) {
            return isoMedia(new String(head, 8, 4, StandardCharsets.ISO_8859_1));
        }
        if (startsWith(head, 0, ZIP)) {
            return officeOpenXml(file);
        }
        if (startsWith(head, 0, OLE2)) {
            return legacyOffice(file);
        }
        throw refused();
    }

    /** MP4, QuickTime and HEIF share one container; the major brand tells them apart. */
    private static FileKind isoMedia(String brand) {
        if (brand.equals("qt  ")) {
            return FileKind.QUICKTIME;
        }
        if (HEIC_BRANDS.contains(brand)) {
            return FileKind.HEIC;
        }
        if (AVIF_BRANDS.contains(brand)) {
            return FileKind.AVIF;
        }
        return FileKind.MP4;
    }

    /**
     * A zip is accepted only as a Word, Excel or PowerPoint document: it must have the content-types
     * part and exactly one of the top folders {@code word/}, {@code xl/}, {@code ppt/}. Only the central
     * directory is read; nothing is decompressed, so a zip bomb costs nothing here.
     */
    private static FileKind officeOpenXml(Path file) {
        boolean contentTypes = false;
        Set<FileKind> kinds = new HashSet<>();
        try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                if (name.equals("[Content_Types].xml")) {
                    contentTypes = true;
                } else if (name.startsWith("word/")) {
                    kinds.add(FileKind.DOCX);
                } else if (name.startsWith("xl/")) {
                    kinds.add(FileKind.XLSX);
                } else if (name.startsWith("ppt/")) {
                    kinds.add(FileKind.PPTX);
                }
                if (name.toLowerCase(Locale.ROOT).endsWith("vbaproject.bin")) {
                    throw refused();
                }
            }
        } catch (ZipException | IllegalArgumentException notAZip) {
            throw refused();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        if (!contentTypes || kinds.size() != 1) {
            throw refused();
        }
        return kinds.iterator().next();
    }

    /**
     * An OLE2 compound file is accepted only as a Word, Excel or PowerPoint document, told by the name
     * of its main stream, and refused if it carries a macro storage. Installer packages (.msi) are OLE2
     * files too, which is why the streams are looked at. Directory entries are 128-byte records at
     * 128-byte boundaries after the header sector; rather than follow the allocation table, every such
     * slot is read and only well-formed entries count.
     */
    private static FileKind legacyOffice(Path file) {
        Set<String> names = new HashSet<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
            byte[] header = in.readNBytes(512);
            if (header.length < 512) {
                throw refused();
            }
            int sectorShift = (header[0x1E] & 0xFF) | (header[0x1F] & 0xFF) << 8;
            if (sectorShift != 9 && sectorShift != 12) {
                throw refused();
            }
            in.skipNBytes((1L << sectorShift) - 512);
            byte[] entry;
            while ((entry = in.readNBytes(128)).length == 128) {
                directoryEntryName(entry).ifPresent(names::add);
            }
        } catch (java.io.EOFException truncated) {
            throw refused();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        if (names.contains("Macros") || names.contains("_VBA_PROJECT_CUR") || names.contains("VBA")) {
            throw refused();
        }
        if (names.contains("WordDocument")) {
            return FileKind.DOC;
        }
        if (names.contains("Workbook") || names.contains("Book")) {
            return FileKind.XLS;
        }
        if (names.contains("PowerPoint Document")) {
            return FileKind.PPT;
        }
        throw refused();
    }

    /** The name of a storage or stream entry; empty if the slot does not hold one. */
    private static Optional<String> directoryEntryName(byte[] entry) {
        int length = (entry[64] & 0xFF) | (entry[65] & 0xFF) << 8;
        int type = entry[66];
        boolean storageOrStream = type == 1 || type == 2;
        if (!storageOrStream || length < 4 || length > 64 || length % 2 != 0 || entry[length - 2] != 0
                || entry[length - 1] != 0) {
            return Optional.empty();
        }
        return Optional.of(new String(entry, 0, length - 2, StandardCharsets.UTF_16LE));
    }

    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static boolean startsWith(byte[] data, int offset, byte[] prefix) {
        if (data.length < offset + prefix.length) {
            return false;
        }
        return Arrays.equals(data, offset, offset + prefix.length, prefix, 0, prefix.length);
    }

    private static InvalidField refused() {
        return new InvalidField("file", REFUSED);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
