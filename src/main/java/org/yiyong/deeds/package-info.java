/**
 * Deeds: from the first lead to the confirmation decision — intake, investigation, deadlines, public
 * notice, objections, hearing, decision, delivery and review.
 */
package org.yiyong.deeds;
