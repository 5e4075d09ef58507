package io.cartwright.cart;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * cart-service: guest and customer carts, priced from the catalog. Its configuration
 * comes from config-server.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CartApplication {

	public static void main(String[] args) {
		SpringApplication.run(CartApplication.class, args);
	}

}
