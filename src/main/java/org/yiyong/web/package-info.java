/**
 * Web: what every page and API call shares — language, error pages, problem+json answers.
 */
package org.yiyong.web;
