package io.cartwright.infra.test;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.context.ContextCustomizer;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedInfrastructureContextCustomizerFactoryTest {

	private final EmbeddedInfrastructureContextCustomizerFactory factory = new EmbeddedInfrastructureContextCustomizerFactory();

	@Test
	void customizesAnnotatedTestClasses() {
		assertThat(customizerFor(Annotated.class)).isNotNull();
	}

	@Test
	void customizesTestClassesAnnotatedThroughAMetaAnnotation() {
		assertThat(customizerFor(MetaAnnotated.class)).isNotNull();
	}

	@Test
	void customizesNestedTestClassesOfAnAnnotatedClass() {
		assertThat(customizerFor(Annotated.Inner.class)).isNotNull();
	}

	@Test
	void leavesOtherTestClassesAlone() {
		assertThat(customizerFor(NotAnnotated.class)).isNull();
	}

	@Test
	void givesEqualCustomizersSoThatTestClassesShareCachedContexts() {
		assertThat(customizerFor(Annotated.class)).isEqualTo(customizerFor(MetaAnnotated.class))
			.hasSameHashCodeAs(customizerFor(MetaAnnotated.class));
	}

	@Test
	void registersLazyConnectionDetailsForEveryServerTheContextCanUse() {
		GenericApplicationContext context = contextWith(
				new MockEnvironment().withProperty("spring.datasource.url", "jdbc:mysql://localhost:3306/catalog"));

		customizerFor(Annotated.class).customizeContext(context, null);

		assertThat(context.getDefaultListableBeanFactory().getBeanNamesForType(JdbcConnectionDetails.class))
			.containsExactly(EmbeddedJdbcConnectionDetails.BEAN_NAME);
		assertThat(context.getDefaultListableBeanFactory().getBeanNamesForType(DataRedisConnectionDetails.class))
			.containsExactly(EmbeddedRedisConnectionDetails.BEAN_NAME);
		assertThat(context.getDefaultListableBeanFactory().getBeanNamesForType(KafkaConnectionDetails.class))
			.containsExactly(EmbeddedKafkaConnectionDetails.BEAN_NAME);
		assertThat(context.getBeanFactory().getBeanDefinition(EmbeddedJdbcConnectionDetails.BEAN_NAME).isLazyInit())
			.isTrue();
	}

	@Test
	void registersNoJdbcConnectionDetailsWithoutADatasourceUrl() {
		GenericApplicationContext context = contextWith(new MockEnvironment());

		customizerFor(Annotated.class).customizeContext(context, null);

		assertThat(context.getDefaultListableBeanFactory().getBeanNamesForType(JdbcConnectionDetails.class)).isEmpty();
	}

	@Test
	void needsOnlyTheSchemaOfTheDatasourceUrlResolved() {
		GenericApplicationContext context = contextWith(new MockEnvironment().withProperty("spring.datasource.url",
				"jdbc:mysql://${undefined.host}:${undefined.port}/catalog"));

		customizerFor(Annotated.class).customizeContext(context, null);

		assertThat(context.getDefaultListableBeanFactory().getBeanNamesForType(JdbcConnectionDetails.class))
			.containsExactly(EmbeddedJdbcConnectionDetails.BEAN_NAME);
	}

	private ContextCustomizer customizerFor(Class<?> testClass) {
		return this.factory.createContextCustomizer(testClass, List.of());
	}

	private static GenericApplicationContext contextWith(MockEnvironment environment) {
		GenericApplicationContext context = new GenericApplicationContext();
		context.setEnvironment(environment);
		return context;
	}

	@EmbeddedInfrastructure
	static class Annotated {

		@Nested
		class Inner {

		}

	}

	@Retention(RetentionPolicy.RUNTIME)
	@EmbeddedInfrastructure
	@interface ServiceTest {

	}

	@ServiceTest
	static class MetaAnnotated {

	}

	static class NotAnnotated {

	}

}
