package io.cartwright.catalog.product;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the search's limits. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CatalogSearchProperties.class)
class SearchConfiguration {

}
