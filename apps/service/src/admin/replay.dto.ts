import { IsInt, IsOptional, IsString, Min } from 'class-validator';

/** POST /admin/replay: republish log positions from..to (inclusive) to another topic. */
export class ReplayDto {
  @IsInt() @Min(0) from!: number;
  @IsOptional() @IsInt() @Min(0) to?: number;
  @IsString() toTopic!: string;
}
