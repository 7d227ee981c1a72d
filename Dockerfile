# Crm web app. Build: docker build -t crm .   Run with SQL Server: docker compose up
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig Crm.sln ./
COPY src/ src/
RUN dotnet publish src/Crm.Web/Crm.Web.csproj -c Release -o /app --no-self-contained

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
# tzdata: users pick IANA time zones; the Debian-based image needs the zone files.
RUN apt-get update && apt-get install -y --no-install-recommends tzdata curl && rm -rf /var/lib/apt/lists/*
COPY --from=build /app .
# The embedded SQLite default writes App_Data/crm.db: give the non-root user a folder for it (a volume keeps it).
RUN mkdir -p /app/App_Data && chown app /app/App_Data
VOLUME /app/App_Data
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production
EXPOSE 8080
USER app
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s CMD curl -fsS http://localhost:8080/health || exit 1
ENTRYPOINT ["dotnet", "Crm.Web.dll"]
