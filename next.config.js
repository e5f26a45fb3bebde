/** @type {import("next").NextConfig} */
const nextConfig = {
  // Native and pooled database drivers stay plain Node modules, outside the bundle.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg"],
  poweredByHeader: false,
  reactStrictMode: true,
  typescript: {
    // `npm test` type-checks the whole repository; `npm start` should not stop
    // a server from starting over a type error in a test file.
    ignoreBuildErrors: true,
  },
};

export default nextConfig;
