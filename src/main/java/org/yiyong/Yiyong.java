package org.yiyong;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Yiyong (义勇): the work platform for a city's 见义勇为 affairs. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class Yiyong {

    public static void main(String[] args) {
        SpringApplication.run(Yiyong.class, args);
    }
}
