package org.yiyong.web;

import java.time.Duration;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Chinese (zh-CN) unless the user switches to English with {@code ?lang=en}; the choice is kept in a
 * cookie. Every text comes from {@code messages_*.properties}, validation messages included.
 * JSON request bodies are checked by the input rules of {@link org.yiyong.shared.Inputs}.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final Locale DEFAULT_LOCALE = Locale.SIMPLIFIED_CHINESE;

    private final ObjectProvider<JsonMapper> json;

    WebConfiguration(ObjectProvider<JsonMapper> json) {
        this.json = json;
    }

    @Bean
    MessageSource messageSource() {
        ReloadableResourceBundleMessageSource messages = new ReloadableResourceBundleMessageSource();
        messages.setBasename("classpath:messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setDefaultLocale(DEFAULT_LOCALE);
        return messages;
    }

    @Bean
    LocalValidatorFactoryBean defaultValidator(MessageSource messageSource) {
        LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
        validator.setValidationMessageSource(messageSource);
        return validator;
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("YIYONG_LANG");
        resolver.setDefaultLocale(DEFAULT_LOCALE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setRejectInvalidCookies(true);
        return resolver;
    }

    /**
     * JSON request bodies are read with the input rules of {@link InputRulesModule}; the mapper is
     * Spring Boot's own otherwise. This configurer runs after Spring Boot's, whose JSON converter it
     * replaces.
     */
    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        JsonMapper checked = json.getObject().rebuild().addModule(new InputRulesModule()).build();
        builder.withJsonConverter(new JacksonJsonHttpMessageConverter(checked));
    }

    /**
     * The files Yiyong serves as they are: its own styles, scripts and the editor it ships, and the webjars (asked
     * for without their version). Each under its own path, not Spring Boot's catch-all {@code /**}
     * ({@code spring.web.resources.add-mappings: false}): every link a page writes is offered to the resource
     * handlers whose pattern matches it, and under {@code /**} each of a list's links was looked for on the class
     * path, jar by jar (a quarter of a deeds list's processor time).
     */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        for (String folder : STATIC_FOLDERS) {
            registry.addResourceHandler("/" + folder + "/**").addResourceLocations("classpath:/static/" + folder + "/")
                    .resourceChain(true);
        }
        registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/")
                .resourceChain(true).addResolver(new LiteWebJarsResourceResolver());
    }

    /** The folders of {@code src/main/resources/static}, each served under its name. */
    static final java.util.List<String> STATIC_FOLDERS = java.util.List.of("css", "js", "vendor");

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }
}
