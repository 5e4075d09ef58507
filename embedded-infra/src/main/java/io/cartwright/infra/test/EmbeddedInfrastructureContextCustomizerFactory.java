package io.cartwright.infra.test;

import java.util.List;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Adds the embedded servers' connection details to the context of every test class
 * annotated, directly, through a meta-annotation or on an enclosing class, with
 * {@link EmbeddedInfrastructure}. Registered in {@code META-INF/spring.factories}.
 */
class EmbeddedInfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return TestContextAnnotationUtils.hasAnnotation(testClass, EmbeddedInfrastructure.class)
				? new EmbeddedInfrastructureContextCustomizer() : null;
	}

}
