/**
 * Official documents: PDF rendering of XHTML templates with an embedded Chinese font, and the
 * conventions of Chinese official documents (dates in Chinese numerals).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Documents",
        allowedDependencies = {})
package org.yiyong.documents;
