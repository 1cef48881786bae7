package org.yiyong.platform;

import java.nio.file.Path;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings every module shares: where files live, whether demo data is loaded, the time zone.
 *
 * @param demoData {@code auto} loads demo data on the embedded database only; {@code true} or
 *     {@code false} force it
 */
@ConfigurationProperties("yiyong")
public record YiyongProperties(@DefaultValue("./data") Path dataDir, @DefaultValue("auto") String demoData,
        @DefaultValue("Asia/Shanghai") ZoneId zone) {
}
