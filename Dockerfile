# Builds and runs Raingan. docker-compose.yml starts it with PostgreSQL and a mail catcher.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY processes processes
COPY forms forms
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/target/raingan-*.jar /app/raingan.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/raingan.jar"]
