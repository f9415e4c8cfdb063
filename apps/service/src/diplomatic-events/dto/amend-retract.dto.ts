import { Type } from 'class-transformer';
import { IsDefined, IsInt, IsNotEmpty, IsObject, IsString, MaxLength, Min, ValidateNested } from 'class-validator';
import { DiplomaticEventChangesDto } from './diplomatic-event-fields.dto';

export class AmendDiplomaticEventDto {
  @IsInt() @Min(1) expectedVersion: number;

  @IsDefined() @IsObject() @ValidateNested() @Type(() => DiplomaticEventChangesDto)
  changes: DiplomaticEventChangesDto;

  @IsString() @IsNotEmpty() @MaxLength(1000) reason: string;
}

export class RetractDiplomaticEventDto {
  @IsInt() @Min(1) expectedVersion: number;
  @IsString() @IsNotEmpty() @MaxLength(1000) reason: string;
}
