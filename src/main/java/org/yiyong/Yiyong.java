package org.yiyong;

import java.util.TimeZone;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Yiyong (义勇): the work platform for a city's 见义勇为 affairs. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class Yiyong {

    public static void main(String[] args) {
        // pages format times in the JVM's zone; make it the configured one, whatever the server's is
        TimeZone.setDefault(TimeZone.getTimeZone(System.getenv().getOrDefault("YIYONG_ZONE", "Asia/Shanghai")));
        SpringApplication.run(Yiyong.class, args);
    }
}
