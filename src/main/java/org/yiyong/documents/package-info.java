/**
 * Official documents: PDF rendering of XHTML templates with an embedded Chinese font, and the
 * conventions of Chinese official documents (dates in Chinese numerals).
 */
package org.yiyong.documents;
