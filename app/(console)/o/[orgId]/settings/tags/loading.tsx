export { PageSkeleton as default } from "@/components/data-table/data-table";
