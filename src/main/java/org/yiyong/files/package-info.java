/**
 * Files: attachments of other modules' records — storage on disk, type sniffing by content, SHA-256
 * checksums, and downloads within the data scope of the record that owns the file.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Files",
        allowedDependencies = {"audit", "identity", "platform", "shared"})
package org.yiyong.files;
