package io.cartwright.catalog.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;

import org.springframework.boot.info.BuildProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI catalogOpenApi(ObjectProvider<BuildProperties> build) {
		String version = build.stream().map(BuildProperties::getVersion).findFirst().orElse("dev");
		return new OpenAPI().info(new Info().title("Cartwright catalog API")
			.description("Categories, products with variants, prices and stock")
			.version(version)
			.license(new License().name("Apache-2.0")));
	}

}
